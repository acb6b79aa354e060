import "server-only";
import { createLocalJWKSet, errors, jwtVerify, type JWTPayload } from "jose";
import { getTrackKeys } from "@/lib/keys/track-keys";
import { findTrack, type TrackInfo } from "./track-cache";

export type AccessTokenClaims = {
  iss: string;
  sub: string;
  client_id: string;
  aud: string | string[];
  scope?: string;
  exp: number;
  iat: number;
  nbf?: number;
  jti: string;
  [k: string]: unknown;
};

export class InvalidAccessTokenError extends Error {}

const ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA", "Ed25519"];
/** Longer than any token Fennec issues (claim limits keep them under ~12 KiB); checked before parsing. */
export const MAX_ACCESS_TOKEN_CHARS = 16_384;
/** Seconds of clock difference allowed between the instances that issue and check a token. */
export const CLOCK_TOLERANCE_S = 5;
const jwksSets = new Map<string, ReturnType<typeof createLocalJWKSet>>();

/**
 * Verifies an RFC 9068 access token issued by the given track: signature against the track's published
 * keys, `typ: at+jwt`, issuer, audience and lifetime. Throws InvalidAccessTokenError with a short reason.
 */
export async function verifyAccessToken(
  token: string,
  opts: { tenant: string; track: string; audience: string },
): Promise<AccessTokenClaims> {
  const track = await findTrack(opts.tenant, opts.track);
  if (!track) throw new InvalidAccessTokenError("unknown tenant or track");
  return verifyTrackAccessToken(track, token, opts.audience);
}

/** The same checks for a track already resolved; without an audience any is accepted (introspection). */
export async function verifyTrackAccessToken(track: TrackInfo, token: string, audience?: string): Promise<AccessTokenClaims> {
  if (token.length > MAX_ACCESS_TOKEN_CHARS) throw new InvalidAccessTokenError("token too long");
  const keys = await getTrackKeys(track.id);
  let jwks = jwksSets.get(keys.etag);
  if (!jwks) {
    if (jwksSets.size > 100) jwksSets.clear();
    jwks = createLocalJWKSet(keys.jwks as Parameters<typeof createLocalJWKSet>[0]);
    jwksSets.set(keys.etag, jwks);
  }
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks, {
      issuer: track.issuer,
      ...(audience === undefined ? {} : { audience }),
      typ: "at+jwt",
      algorithms: ALGORITHMS,
      requiredClaims: ["exp", "iat", "sub", "jti"],
      clockTolerance: CLOCK_TOLERANCE_S,
    }));
  } catch (e) {
    throw new InvalidAccessTokenError(reason(e));
  }
  if (typeof payload.client_id !== "string") throw new InvalidAccessTokenError("token has no client_id");
  return payload as AccessTokenClaims;
}

function reason(e: unknown): string {
  if (e instanceof errors.JWTExpired) return "token expired";
  if (e instanceof errors.JWTClaimValidationFailed) return `token ${e.claim} claim is not valid`;
  if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) {
    return "token signature is not valid";
  }
  if (e instanceof errors.JOSEAlgNotAllowed) return "token algorithm not allowed";
  return "token is malformed";
}
