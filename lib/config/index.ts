export { getConfig, parseConfig, ConfigError, type FennecConfig } from "./env";
export { parseTrustedProxies, MAX_PROXY_HOPS, type TrustedProxies } from "./trusted-proxies";
