import "server-only";
import { describeError } from "@/lib/errors/describe-error";
import { createHash } from "node:crypto";
import { OAuthError } from "./errors";

const NO_STORE = { "cache-control": "no-store", pragma: "no-cache" } as const;
export const PUBLIC_CACHE = "public, max-age=300";

// error_description must be %x20-21 / %x23-5B / %x5D-7E (RFC 6749 §5.2): no CR, LF, TAB, quote or backslash.
export const safeDescription = (s: string) => s.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, " ").slice(0, 300);

export function oauthErrorResponse(err: OAuthError, realm?: string): Response {
  const headers: Record<string, string> = { "content-type": "application/json", ...NO_STORE };
  // RFC 6749 §5.2 requires it after a Basic attempt; RFC 9110 §15.5.2 requires a challenge on every 401.
  if (err.status === 401) headers["www-authenticate"] = `Basic realm="${safeDescription(realm ?? "fennec")}"`;
  if (err.status === 503) headers["retry-after"] = "1";
  const body = { error: err.error, error_description: safeDescription(err.description) };
  return new Response(JSON.stringify(body), { status: err.status, headers });
}

export function tokenResponse(body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json", ...NO_STORE },
  });
}

export function notFound(description: string): Response {
  return new Response(JSON.stringify({ error: "not_found", error_description: safeDescription(description) }), {
    status: 404,
    headers: { "content-type": "application/json", ...NO_STORE },
  });
}

export function methodNotAllowed(allow: string[]): Response {
  return new Response(
    JSON.stringify({ error: "invalid_request", error_description: `method not allowed; use ${allow.join(", ")}` }),
    { status: 405, headers: { "content-type": "application/json", allow: allow.join(", "), ...NO_STORE } },
  );
}

export const weakEtag = (text: string) => `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;

/** A cacheable JSON document (discovery, JWKS): public for 5 minutes, revalidated with its ETag. */
export function cacheableJson(request: Request, body: string, etag: string): Response {
  const headers = { "cache-control": PUBLIC_CACHE, etag, "access-control-allow-origin": "*" };
  if (matchesEtag(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  const h = request.method === "HEAD" ? null : body;
  return new Response(h, { status: 200, headers: { ...headers, "content-type": "application/json" } });
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((t) => bare(t) === bare(etag));
}

/** Metadata routes: an unexpected failure (database unreachable) is a JSON 503, never a stack trace. */
export async function guarded(fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (e) {
    const id = crypto.randomUUID();
    console.error(`protocol endpoint error ${id}:`, describeError(e));
    return new Response(
      JSON.stringify({ error: "server_error", error_description: `temporarily unavailable (id ${id})` }),
      { status: 503, headers: { "content-type": "application/json", "cache-control": "no-store", "retry-after": "1" } },
    );
  }
}
