export { getConfig, parseConfig, ConfigError, type FennecConfig } from "./env";
