import "server-only";
import { invalidRequest } from "./errors";
import type { ProtocolRequest } from "./protocol";

export const MAX_BODY_BYTES = 64 * 1024;

// RFC 8707 §2: `resource` may be given several times; every other parameter at most once.
const REPEATABLE = new Set(["resource"]);

// decode() without { stream: true } keeps no state between calls, so one decoder serves every request
const UTF8 = new TextDecoder("utf-8", { fatal: true });

export type Form = { get(name: string): string | undefined; all(name: string): string[] };

/**
 * The token request body: application/x-www-form-urlencoded only, at most 64 KiB (counted while
 * reading, Content-Length is not trusted), UTF-8, every parameter at most once (RFC 6749 §3.2).
 * Empty parameters count as absent (RFC 6749 §3.1).
 */
export async function readForm(request: ProtocolRequest): Promise<Form> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw invalidRequest("only application/x-www-form-urlencoded request bodies are supported");
  }
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) throw invalidRequest("request body too large");
  const bytes = await request.readBody(MAX_BODY_BYTES);
  if (!bytes) throw invalidRequest("request body too large");
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw invalidRequest("request body is not valid UTF-8");
  }
  return parseForm(text);
}

export function parseForm(text: string): Form {
  const form = new Map<string, string[]>();
  for (const [name, value] of new URLSearchParams(text)) {
    if (value === "") continue;
    const values = form.get(name);
    if (!values) form.set(name, [value]);
    else if (REPEATABLE.has(name)) values.push(value);
    else throw invalidRequest(`parameter ${name.replace(/[^\w-]/g, "").slice(0, 40)} must not be repeated`);
  }
  return { get: (n) => form.get(n)?.[0], all: (n) => form.get(n) ?? [] };
}

// RFC 6749 §2.3.1: client credentials must not be sent in the request URI.
const URI_FORBIDDEN = ["client_id", "client_secret", "client_assertion", "client_assertion_type", "grant_type", "scope", "resource", "password"];

export function rejectQueryParameters(query: string, alsoForbidden: readonly string[] = []) {
  const params = new URLSearchParams(query);
  for (const name of [...URI_FORBIDDEN, ...alsoForbidden]) {
    if (params.has(name)) throw invalidRequest("request parameters must be sent in the request body, not the URI");
  }
}
