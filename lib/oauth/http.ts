import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { OAuthError } from "./errors";
import type { ProtocolRequest, ProtocolResponse } from "./protocol";
import { logFailure } from "@/lib/telemetry";

const JSON_TYPE = "application/json";
export const PUBLIC_CACHE = "public, max-age=300";

// On every protocol response, on both mounts (README "Security"): a browser must never sniff a JSON
// answer into something it would render or run. The other two match what Next.js adds to everything it
// serves, so that both mounts answer alike.
export const PROTOCOL_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
} as const;

// error_description must be %x20-21 / %x23-5B / %x5D-7E (RFC 6749 §5.2): no CR, LF, TAB, quote or backslash.
export const safeDescription = (s: string) => s.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, " ").slice(0, 300);

/** JSON that must not be cached (tokens, errors): RFC 6749 §5.1. */
export function noStoreJson(status: number, body: string, extra?: Record<string, string>): ProtocolResponse {
  const headers: Record<string, string> = { "content-type": JSON_TYPE, "cache-control": "no-store", pragma: "no-cache", ...PROTOCOL_HEADERS };
  if (extra) Object.assign(headers, extra);
  return { status, headers, body };
}

export function oauthErrorResponse(err: OAuthError, realm?: string): ProtocolResponse {
  const body = JSON.stringify({ error: err.error, error_description: safeDescription(err.description) });
  // RFC 6749 §5.2 requires it after a Basic attempt; RFC 9110 §15.5.2 requires a challenge on every 401.
  if (err.status === 401) return noStoreJson(401, body, { "www-authenticate": `Basic realm="${safeDescription(realm ?? "fennec")}"` });
  if (err.status === 503) return noStoreJson(503, body, { "retry-after": "1" });
  return noStoreJson(err.status, body);
}

export const tokenResponse = (body: Record<string, unknown>) => noStoreJson(200, JSON.stringify(body));

/** A 200 with nothing to say (RFC 7009 §2.2: the revocation response's body is ignored). */
export const noStoreEmpty = (): ProtocolResponse => ({
  status: 200,
  headers: { "cache-control": "no-store", pragma: "no-cache", ...PROTOCOL_HEADERS },
  body: "",
});

export function notFound(description: string): ProtocolResponse {
  return noStoreJson(404, JSON.stringify({ error: "not_found", error_description: safeDescription(description) }));
}

export function methodNotAllowed(allow: readonly string[]): ProtocolResponse {
  const list = allow.join(", ");
  const body = JSON.stringify({ error: "invalid_request", error_description: `method not allowed; use ${list}` });
  return noStoreJson(405, body, { allow: list });
}

/** The answer to a path whose percent-encoding does not decode (proxy.ts gives the same one). */
export function malformedPath(): ProtocolResponse {
  const body = JSON.stringify({ error: "invalid_request", error_description: "the request path contains a malformed percent-encoding" });
  return { status: 400, headers: { "cache-control": "no-store", "content-type": JSON_TYPE, ...PROTOCOL_HEADERS }, body };
}

/** Liveness and readiness: plain JSON, never cached. */
export const healthJson = (status: number, body: unknown): ProtocolResponse => ({
  status,
  headers: { "cache-control": "no-store", "content-type": JSON_TYPE, ...PROTOCOL_HEADERS },
  body: JSON.stringify(body),
});

export const weakEtag = (text: string) => `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;

/** A cacheable JSON document (discovery, JWKS): public for 5 minutes, revalidated with its ETag. */
export function cacheableJson(request: ProtocolRequest, body: string, etag: string): ProtocolResponse {
  const headers: Record<string, string> = { "cache-control": PUBLIC_CACHE, etag, "access-control-allow-origin": "*", ...PROTOCOL_HEADERS };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return { status: 304, headers, body: null };
  headers["content-type"] = JSON_TYPE;
  return { status: 200, headers, body: request.method === "HEAD" ? null : body };
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => bare(t) === bare(etag));
}

/** Logs an unexpected failure under a new id (the answer carries the id, never the error). */
export function logUnexpected(where: string, e: unknown): string {
  const id = randomUUID();
  logFailure("unexpected_error", `${where} error ${id}`, e, { error_id: id, where });
  return id;
}

/** An unexpected failure (database unreachable) is a JSON 503 with an id; never a stack trace. */
export function unavailable(where: string, e: unknown): ProtocolResponse {
  const id = logUnexpected(where, e);
  const body = JSON.stringify({ error: "server_error", error_description: `temporarily unavailable (id ${id})` });
  return { status: 503, headers: { "content-type": JSON_TYPE, "cache-control": "no-store", "retry-after": "1", ...PROTOCOL_HEADERS }, body };
}

/** Metadata routes: an unexpected failure is unavailable(), never a stack trace. */
export async function guarded(fn: () => Promise<ProtocolResponse>): Promise<ProtocolResponse> {
  try {
    return await fn();
  } catch (e) {
    return unavailable("protocol endpoint", e);
  }
}
