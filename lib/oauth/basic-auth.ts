import "server-only";
import { invalidRequest } from "./errors";

export type BasicCredentials = { clientId: string; secret: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * HTTP Basic client credentials. Both parts are form-urlencoded before base64 (RFC 6749 §2.3.1,
 * Appendix B), so they are form-url-decoded here: "+" is a space and "%xx" an octet.
 * Returns null when there is no Authorization header.
 */
export function parseBasicAuthorization(header: string | null): BasicCredentials | null {
  if (header === null) return null;
  const m = /^([A-Za-z]+) +(\S+)$/.exec(header.trim());
  if (!m || m[1].toLowerCase() !== "basic") throw invalidRequest("the Authorization header must use the Basic scheme");
  const token = m[2];
  if (token.length > 4096 || token.length % 4 !== 0 || !BASE64.test(token)) {
    throw invalidRequest("malformed Basic credentials");
  }
  const decoded = Buffer.from(token, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw invalidRequest("malformed Basic credentials");
  const clientId = formUrlDecode(decoded.slice(0, colon));
  const secret = formUrlDecode(decoded.slice(colon + 1));
  if (!clientId || !secret) throw invalidRequest("malformed Basic credentials");
  return { clientId, secret };
}

function formUrlDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    throw invalidRequest("malformed Basic credentials");
  }
}
