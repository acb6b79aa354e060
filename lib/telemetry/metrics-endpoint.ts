import { timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import { getConfig } from "@/lib/config";
import { clientAddressOfHeaders } from "@/lib/net/client-address";
import { metrics } from "./metrics";

export type MetricsAnswer = { status: number; headers: Record<string, string>; body: string };

const text = (status: number, body: string, extra: Record<string, string> = {}): MetricsAnswer => ({
  status,
  headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "x-content-type-options": "nosniff", ...extra },
  body,
});

/**
 * GET /metrics on either mount (README "Operations"): 404 while neither FENNEC_METRICS_TOKEN nor
 * FENNEC_METRICS_ALLOW is set; otherwise the request needs that bearer token or a client address
 * (lib/net, behind FENNEC_TRUSTED_PROXIES) in the allow list: 401 without credentials, 403 refused.
 */
export async function answerMetrics(get: (name: string) => string | null | undefined): Promise<MetricsAnswer> {
  const { token, allow } = getConfig().metrics;
  if (!token && allow.kind === "none") return text(404, "Not found\n");
  const authorization = get("authorization");
  const allowed = (token !== undefined && bearerMatches(authorization, token)) || addressAllowed(get);
  if (!allowed) {
    return authorization || !token ? text(403, "Forbidden\n") : text(401, "Unauthorized\n", { "www-authenticate": 'Bearer realm="metrics"' });
  }
  const registry = metrics().registry;
  return text(200, await registry.metrics(), { "content-type": registry.contentType });
}

function bearerMatches(header: string | null | undefined, token: string): boolean {
  if (!header || header.length > 1000 || !/^bearer /i.test(header)) return false;
  const given = Buffer.from(header.slice(7).trim());
  const want = Buffer.from(token);
  return given.length === want.length && timingSafeEqual(given, want);
}

function addressAllowed(get: (name: string) => string | null | undefined): boolean {
  const { allow } = getConfig().metrics;
  if (allow.kind !== "list") return false;
  const address = clientAddressOfHeaders(get);
  return address !== null && allow.matcher.check(address, isIP(address) === 4 ? "ipv4" : "ipv6");
}
