import "server-only";
import { randomUUID } from "node:crypto";
import type { JWTPayload } from "jose";
import { claimsFromPayload, claimsToPayload, runClaimTransforms } from "@/lib/claims";
import { OAuthError } from "./errors";
import { getTrackKeys } from "@/lib/keys/track-keys";
import type { ClientSnapshot } from "./client-cache";
import { signJws } from "./sign-jws";
import type { Grant } from "./resolve-scopes";
import type { TrackInfo } from "./track-cache";

export type IssuedToken = { accessToken: string; expiresIn: number; scope: string | undefined };

/** An RFC 9068 access token signed with the track's primary key. */
export async function issueAccessToken(track: TrackInfo, client: ClientSnapshot, grant: Grant): Promise<IssuedToken> {
  const { signer } = await getTrackKeys(track.id);
  const now = Math.floor(Date.now() / 1000);
  const lifetime = client.accessTokenLifetime;
  const payload: JWTPayload = {
    ...transformedClaims(track, client, grant),
    // RFC 9068 §2.2; set last so that no claim transform can change them (sub too: RFC 9700 §4.15)
    iss: track.issuer,
    sub: client.name,
    client_id: client.name,
    aud: grant.audience,
    ...(grant.scope ? { scope: grant.scope } : {}),
    iat: now,
    nbf: now,
    exp: now + lifetime,
    jti: randomUUID(),
  };
  if (!grant.scope) delete payload.scope;
  // RFC 9068 §2.1: typ at+jwt
  const accessToken = await signJws(signer, "at+jwt", payload);
  return { accessToken, expiresIn: lifetime, scope: grant.scope };
}

/** The client's claim transforms (README "Claim transforms") run over the standard claims; the result is merged below them. */
function transformedClaims(track: TrackInfo, client: ClientSnapshot, grant: Grant): JWTPayload {
  if (client.claimTransforms.length === 0) return {};
  const base = { iss: track.issuer, sub: client.name, client_id: client.name, aud: grant.audience, scope: grant.scope };
  const result = runClaimTransforms(claimsFromPayload(base), client.claimTransforms);
  // only a list saved before the limits existed can get here: saving refuses one that passes them
  if (!result.ok) {
    throw new OAuthError("unauthorized_client", "the client's claim transforms exceed the token limits; an administrator must change them");
  }
  return claimsToPayload(result.claims);
}
