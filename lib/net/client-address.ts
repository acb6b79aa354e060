import { isIP } from "node:net";
import { getConfig, type TrustedProxies } from "@/lib/config";

// The one place that decides which address a request comes from, for every feature that needs it
// (sign-in throttling, request logs, allow-lists). X-Forwarded-For is written by whoever sends the
// request: without a proxy in front, a caller writes any address it likes into it. So it is believed
// only as far as FENNEC_TRUSTED_PROXIES says (README "Security"):
//
// - none (default): the address of the TCP peer, whatever the headers say;
// - a count N: every request passes N proxies, so the client is N hops back from the peer along
//   X-Forwarded-For ("client, proxy1, …" with the peer the last proxy);
// - a list of proxy addresses/networks: walk back from the peer while the hop is a listed proxy; the
//   first hop that is not one is the client.
//
// An entry that is not an IP address is never taken: the answer is then the hop that wrote it.

/** The header the production server (lib/server) sets to the TCP peer's address before Next.js runs. */
export const PEER_ADDRESS_HEADER = "x-fennec-peer-address";

const MAX_HOPS_READ = 32;

export type AddressSource = { peer: string | null | undefined; forwardedFor: string | null | undefined };

export function clientAddress(src: AddressSource, trusted: TrustedProxies = getConfig().trustedProxies): string | null {
  const peer = normaliseAddress(src.peer);
  if (!peer || trusted.kind === "none") return peer;
  const chain = [...forwardedHops(src.forwardedFor), peer];
  let i = chain.length - 1;
  if (trusted.kind === "count") i = Math.max(0, i - trusted.hops);
  else while (i > 0 && isTrusted(chain[i], trusted)) i--;
  while (chain[i] === null) i++;
  return chain[i];
}

/**
 * The client address of a request Next.js serves, from the header the production server set (plain
 * `next start` or `next dev` do not set it, so there is no address and no per-address limit).
 */
export function clientAddressOfHeaders(get: (name: string) => string | null | undefined, trusted?: TrustedProxies): string | null {
  return clientAddress({ peer: get(PEER_ADDRESS_HEADER), forwardedFor: get("x-forwarded-for") }, trusted);
}

/** Whether the TCP peer is a proxy FENNEC_TRUSTED_PROXIES trusts (whose X-Request-Id, say, may be believed). */
export function peerIsTrustedProxy(peer: string | null | undefined, trusted: TrustedProxies = getConfig().trustedProxies): boolean {
  const p = normaliseAddress(peer);
  if (!p || trusted.kind === "none") return false;
  return trusted.kind === "count" ? trusted.hops > 0 : isTrusted(p, trusted);
}

function forwardedHops(header: string | null | undefined): (string | null)[] {
  if (!header) return [];
  return header.slice(-4096).split(",").slice(-MAX_HOPS_READ).map((h) => normaliseAddress(h.trim()));
}

function isTrusted(address: string | null, trusted: Extract<TrustedProxies, { kind: "list" }>): boolean {
  return address !== null && trusted.matcher.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}

/** An IP address in its plain form (IPv4-mapped IPv6 as IPv4, brackets and ports removed), or null. */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (!value || value.length > 64) return null;
  let v = value;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(v);
  if (bracketed) v = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(v)) v = v.slice(0, v.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(v);
  if (mapped) v = mapped[1];
  return isIP(v) ? v.toLowerCase() : null;
}
