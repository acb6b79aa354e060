import "server-only";
import { decodeJwt, decodeProtectedHeader, errors, importJWK, jwtVerify, type JWK, type JWTPayload } from "jose";
import type { ClientSnapshot } from "./client-cache";
import { invalidClient, OAuthError } from "./errors";
import { claimAssertionId } from "./replay-store";

export { JWT_BEARER } from "./token-request";
// Asymmetric only (rfc7523bis, RFC 9700 §2.5): never none, never HS* (an HS256 "signature" made with
// the public key as the secret is the classic algorithm-confusion attack).
export const ASSERTION_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA", "Ed25519"];
const MAX_LIFETIME_S = 300;
const SKEW_S = 30;
const ACCEPTED_TYP = new Set(["jwt", "client-authentication+jwt", "application/jwt", "application/client-authentication+jwt"]);

/** The client id an assertion claims to be from (its `iss`), before anything is verified. */
export function assertionClientId(assertion: string): string {
  let payload: JWTPayload;
  try {
    if (assertion.length > 16_384) throw new Error("too long");
    payload = decodeJwt(assertion);
  } catch {
    throw new OAuthError("invalid_client", "client assertion is not a valid JWT");
  }
  if (typeof payload.iss !== "string" || !payload.iss) throw new OAuthError("invalid_client", "client assertion has no iss");
  return payload.iss;
}

/**
 * private_key_jwt per draft-ietf-oauth-rfc7523bis: iss = sub = client id, aud = the issuer as the sole
 * value (the token endpoint URL only with the client's legacy switch), exp at most 5 minutes ahead,
 * jti single use across instances, signed by one of the client's currently valid keys.
 */
export async function verifyClientAssertion(
  client: ClientSnapshot | null,
  assertion: string,
  ctx: { issuer: string; legacyAudiences: string[] },
): Promise<void> {
  if (!client) throw invalidClient();
  const header = safeHeader(assertion);
  if (typeof header.alg !== "string" || !ASSERTION_ALGORITHMS.includes(header.alg)) {
    throw new OAuthError("invalid_client", "client assertion must be signed with an asymmetric algorithm");
  }
  if (header.typ !== undefined && !(typeof header.typ === "string" && ACCEPTED_TYP.has(header.typ.toLowerCase()))) {
    throw new OAuthError("invalid_client", "client assertion has an unexpected typ");
  }
  const now = Date.now();
  const candidates = client.keys.filter(
    (k) =>
      (k.notBefore === null || k.notBefore <= now) &&
      (k.notAfter === null || k.notAfter > now) &&
      (header.kid === undefined || k.kid === header.kid),
  );
  if (candidates.length === 0) throw new OAuthError("invalid_client", "no valid key of the client matches the assertion");

  let payload: JWTPayload | undefined;
  for (const k of candidates) {
    const key = await importJWK(k.jwk as JWK, header.alg).catch(() => null);
    if (!key || key instanceof Uint8Array) continue;
    try {
      ({ payload } = await jwtVerify(assertion, key, {
        algorithms: ASSERTION_ALGORITHMS,
        issuer: client.name,
        subject: client.name,
        requiredClaims: ["exp", "jti", "aud"],
        clockTolerance: SKEW_S,
      }));
      break;
    } catch (e) {
      if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JOSEAlgNotAllowed) continue;
      throw new OAuthError("invalid_client", describe(e));
    }
  }
  if (!payload) throw new OAuthError("invalid_client", "client assertion signature is not valid");

  checkAudience(payload.aud, ctx.issuer, client.allowLegacyAssertionAudience ? ctx.legacyAudiences : []);
  const nowS = Math.floor(now / 1000);
  const exp = payload.exp!;
  if (exp > nowS + MAX_LIFETIME_S + SKEW_S) throw new OAuthError("invalid_client", "client assertion lifetime exceeds 5 minutes");
  if (typeof payload.iat === "number" && payload.iat > nowS + SKEW_S) throw new OAuthError("invalid_client", "client assertion iat is in the future");
  if (typeof payload.jti !== "string" || payload.jti.length === 0 || payload.jti.length > 200) {
    throw new OAuthError("invalid_client", "client assertion jti is missing or too long");
  }
  const fresh = await claimAssertionId(client.partyId, payload.jti, new Date((exp + SKEW_S) * 1000));
  if (!fresh) throw new OAuthError("invalid_client", "client assertion was already used");
}

function safeHeader(assertion: string) {
  try {
    return decodeProtectedHeader(assertion);
  } catch {
    throw new OAuthError("invalid_client", "client assertion is not a valid JWT");
  }
}

function checkAudience(aud: unknown, issuer: string, legacy: string[]) {
  const values = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud : [];
  const ok = values.length === 1 && (values[0] === issuer || legacy.includes(values[0]));
  if (!ok) throw new OAuthError("invalid_client", "client assertion audience must be the issuer identifier alone");
}

function describe(e: unknown): string {
  if (e instanceof errors.JWTExpired) return "client assertion has expired";
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === "nbf" || e.claim === "iat") return "client assertion is not yet valid";
    return `client assertion ${e.claim} claim is missing or not valid`;
  }
  return "client assertion is not valid";
}
