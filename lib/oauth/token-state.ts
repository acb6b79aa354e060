import "server-only";
import { findClient, type ClientSnapshot } from "./client-cache";
import { isClientId } from "./client-id";
import { isTokenRevoked } from "./revoked-tokens";
import { findTrack, type TrackInfo } from "./track-cache";
import { CLOCK_TOLERANCE_S, InvalidAccessTokenError, MAX_ACCESS_TOKEN_CHARS, verifyTrackAccessToken, type AccessTokenClaims } from "./verify-access-token";

const MAX_JTI_CHARS = 100;

/**
 * An access token this track issued that has not expired: signature against the track's published
 * keys, typ at+jwt, issuer, and exp by this server's clock (no skew allowance: the issuer decides).
 * Null for anything else, including a token too long to be one of ours (bounded before parsing).
 */
export async function validTokenClaims(track: TrackInfo, token: string): Promise<AccessTokenClaims | null> {
  if (token.length > MAX_ACCESS_TOKEN_CHARS) return null;
  let claims: AccessTokenClaims;
  try {
    claims = await verifyTrackAccessToken(track, token);
  } catch (e) {
    if (e instanceof InvalidAccessTokenError) return null;
    throw e;
  }
  if (claims.exp * 1000 <= Date.now()) return null;
  if (typeof claims.jti !== "string" || claims.jti.length > MAX_JTI_CHARS || !isClientId(claims.client_id)) return null;
  return claims;
}

/**
 * Whether a valid token is still active: its client still exists (the same party, not a later one of
 * the same name), it was issued after the client's "not before" (iat has second precision, so a token of
 * the cutoff's own second counts as before it), and its jti was not revoked.
 */
export async function isTokenActive(track: TrackInfo, claims: AccessTokenClaims): Promise<ClientSnapshot | null> {
  const owner = await findClient(track.id, claims.client_id);
  if (!owner) return null;
  // a token issued before the party was created belongs to a deleted party of the same name; the
  // tolerance keeps a new client's first tokens active when the creating instance's clock is ahead
  if (claims.iat < Math.floor(owner.createdAt / 1000) - CLOCK_TOLERANCE_S) return null;
  if (owner.tokensNotBefore !== null && claims.iat * 1000 <= owner.tokensNotBefore) return null;
  if (await isTokenRevoked(claims.jti, claims.exp * 1000)) return null;
  return owner;
}

/**
 * verifyAccessToken plus the introspection checks: a token of a deleted client, one issued before the
 * client's "not before", or a revoked one is refused (the Control API's bearer check: deleting or
 * revoking a Control API client must end its access at once, not when its tokens expire).
 */
export async function verifyActiveAccessToken(
  token: string,
  opts: { tenant: string; track: string; audience: string },
): Promise<AccessTokenClaims> {
  const track = await findTrack(opts.tenant, opts.track);
  if (!track) throw new InvalidAccessTokenError("unknown tenant or track");
  const claims = await verifyTrackAccessToken(track, token, opts.audience);
  if (typeof claims.jti !== "string" || claims.jti.length > MAX_JTI_CHARS || !isClientId(claims.client_id)) {
    throw new InvalidAccessTokenError("token is malformed");
  }
  if (!(await isTokenActive(track, claims))) throw new InvalidAccessTokenError("token is no longer active");
  return claims;
}
