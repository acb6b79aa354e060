import "server-only";
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, type JWK, type JWTPayload, type ProtectedHeaderParameters } from "jose";
import type { ClientSnapshot } from "./client-cache";
import { isClientId } from "./client-id";
import { invalidClient, OAuthError } from "./errors";
import { claimAssertionId } from "./replay-store";
import { tokenEndpointOf } from "./urls";

export { JWT_BEARER } from "./token-request";
// Asymmetric only (rfc7523bis, RFC 9700 §2.5): never none, never HS* (an HS256 "signature" made with
// the public key as the secret is the classic algorithm-confusion attack).
export const ASSERTION_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];
export const MAX_ASSERTION_LENGTH = 16_384;
const MAX_LIFETIME_S = 300;
const SKEW_S = 30;
const ACCEPTED_TYP = new Set(["jwt", "client-authentication+jwt", "application/jwt", "application/client-authentication+jwt"]);

export type AssertionContext = { issuer: string };
export type InspectedAssertion = {
  assertion: string;
  clientId: string;
  header: ProtectedHeaderParameters;
  jti: string;
  exp: number;
  /** the audience is the token endpoint URL: accepted only for clients with the legacy switch on */
  legacyAudience: boolean;
};

const refuse = (description: string) => new OAuthError("invalid_client", description);

/**
 * Everything that can be checked before the client is looked up: the JWT's shape, its algorithm and
 * typ, and its claims (rfc7523bis: iss = sub, aud = the issuer alone, exp at most 5 minutes ahead, a jti).
 * These answers name the problem, and they are the same whether or not the client exists; what depends
 * on the client (its keys, the signature) is refused with the one generic message.
 */
export function inspectAssertion(assertion: string, ctx: AssertionContext): InspectedAssertion {
  if (assertion.length > MAX_ASSERTION_LENGTH) throw refuse("client assertion is too long");
  let header: ProtectedHeaderParameters;
  let payload: JWTPayload;
  try {
    header = decodeProtectedHeader(assertion);
    payload = decodeJwt(assertion);
  } catch {
    throw refuse("client assertion is not a valid JWT");
  }
  if (typeof header.alg !== "string" || !ASSERTION_ALGORITHMS.includes(header.alg)) {
    throw refuse("client assertion must be signed with an asymmetric algorithm");
  }
  if (header.typ !== undefined && !(typeof header.typ === "string" && ACCEPTED_TYP.has(header.typ.toLowerCase()))) {
    throw refuse("client assertion has an unexpected typ");
  }
  if (typeof payload.iss !== "string" || !isClientId(payload.iss)) throw invalidClient();
  if (payload.sub !== payload.iss) throw refuse("client assertion sub must equal iss, the client id");
  const legacyAudience = checkAudience(payload.aud, ctx.issuer, payload.iss);
  const nowS = Math.floor(Date.now() / 1000);
  if (typeof payload.exp !== "number") throw refuse("client assertion exp claim is missing or not valid");
  if (payload.exp <= nowS - SKEW_S) throw refuse("client assertion has expired");
  if (payload.exp > nowS + MAX_LIFETIME_S + SKEW_S) throw refuse("client assertion lifetime exceeds 5 minutes");
  for (const claim of ["iat", "nbf"] as const) {
    const v = payload[claim];
    if (v !== undefined && typeof v !== "number") throw refuse(`client assertion ${claim} claim is not valid`);
    if (typeof v === "number" && v > nowS + SKEW_S) throw refuse(`client assertion ${claim} is in the future`);
  }
  if (typeof payload.jti !== "string" || payload.jti.length === 0 || payload.jti.length > 200) {
    throw refuse("client assertion jti is missing or too long");
  }
  return { assertion, clientId: payload.iss, header, jti: payload.jti, exp: payload.exp, legacyAudience };
}

/**
 * private_key_jwt per draft-ietf-oauth-rfc7523bis, after inspectAssertion: signed by one of the client's
 * currently valid keys, and its jti used once across instances.
 */
export async function verifyInspectedAssertion(client: ClientSnapshot | null, a: InspectedAssertion): Promise<string> {
  if (a.legacyAudience && !client?.allowLegacyAssertionAudience) throw audienceRefused();
  if (!client) throw invalidClient();
  const now = Date.now();
  const candidates = client.keys.filter(
    (k) =>
      (k.notBefore === null || k.notBefore <= now) &&
      (k.notAfter === null || k.notAfter > now) &&
      (a.header.kid === undefined || k.kid === a.header.kid),
  );
  let verified: string | null = null;
  for (const k of candidates) {
    const key = await importJWK(k.jwk as JWK, a.header.alg).catch(() => null);
    if (!key || key instanceof Uint8Array) continue;
    try {
      await compactVerify(a.assertion, key, { algorithms: ASSERTION_ALGORITHMS });
      verified = k.kid;
      break;
    } catch {
      // another of the client's keys may have signed it
    }
  }
  if (verified === null) throw invalidClient();
  const fresh = await claimAssertionId(client.partyId, a.jti, new Date((a.exp + SKEW_S) * 1000));
  if (!fresh) throw refuse("client assertion was already used");
  return verified;
}

/** Both steps, for callers that already know the client. */
export async function verifyClientAssertion(client: ClientSnapshot | null, assertion: string, ctx: AssertionContext): Promise<string> {
  return verifyInspectedAssertion(client, inspectAssertion(assertion, ctx));
}

const audienceRefused = () => refuse("client assertion audience must be the issuer identifier alone");

// The token endpoint URL (either layout) as audience is what FoxIDs and rfc7523 clients send; rfc7523bis
// forbids it (the audience-injection attacks, CVE-2025-27370/27371) unless the client's legacy switch is on.
function checkAudience(aud: unknown, issuer: string, clientId: string): boolean {
  const values = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  if (values.length !== 1) throw audienceRefused();
  if (values[0] === issuer) return false;
  if (values[0] === tokenEndpointOf(issuer) || values[0] === tokenEndpointOf(issuer, clientId)) return true;
  throw audienceRefused();
}
