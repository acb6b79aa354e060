import { BlockList, isIP } from "node:net";

/**
 * Which proxies in front of Fennec may say who the client is (FENNEC_TRUSTED_PROXIES): none (the
 * default: forwarded headers are never believed), the number of proxies every request passes
 * through, or the proxies' own addresses and networks.
 */
export type TrustedProxies =
  | { kind: "none" }
  | { kind: "count"; hops: number }
  | { kind: "list"; entries: string[]; matcher: BlockList };

export const MAX_PROXY_HOPS = 10;
const MAX_ENTRIES = 100;

export class TrustedProxiesError extends Error {}

/** Parses FENNEC_TRUSTED_PROXIES: empty, a count 0–10, or a comma list of IPv4/IPv6 addresses and CIDRs. */
export function parseTrustedProxies(raw: string | undefined): TrustedProxies {
  const v = (raw ?? "").trim();
  if (!v || v === "0") return { kind: "none" };
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    if (hops > MAX_PROXY_HOPS) throw new TrustedProxiesError(`must be a count from 0 to ${MAX_PROXY_HOPS}, or a list of proxy addresses`);
    return { kind: "count", hops };
  }
  const entries = v.split(",").map((s) => s.trim()).filter(Boolean);
  if (entries.length > MAX_ENTRIES) throw new TrustedProxiesError(`lists at most ${MAX_ENTRIES} addresses or networks`);
  const matcher = new BlockList();
  for (const entry of entries) addEntry(matcher, entry);
  return { kind: "list", entries, matcher };
}

function addEntry(list: BlockList, entry: string) {
  const bad = () => new TrustedProxiesError(`has "${entry.slice(0, 60)}", which is neither an IP address nor a CIDR such as 10.0.0.0/8`);
  const [address, prefix, extra] = entry.split("/");
  const family = isIP(address);
  if (!family || extra !== undefined) throw bad();
  const type = family === 4 ? "ipv4" : "ipv6";
  if (prefix === undefined) return list.addAddress(address, type);
  const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : -1;
  if (bits < 0 || bits > (family === 4 ? 32 : 128)) throw bad();
  list.addSubnet(address, bits, type);
}
