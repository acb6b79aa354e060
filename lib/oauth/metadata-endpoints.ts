import "server-only";
import { getTrackKeys } from "@/lib/keys/track-keys";
import { cacheableJson, guarded, notFound, weakEtag } from "./http";
import type { ProtocolRequest, ProtocolResponse, RouteParams } from "./protocol";
import { findTrack, trackScopes } from "./track-cache";
import { introspectionEndpointOf, jwksUriOf, normaliseName, revocationEndpointOf, tokenEndpointOf } from "./urls";
import { ASSERTION_ALGORITHMS } from "./verify-client-assertion";

/**
 * OpenID Connect Discovery / RFC 8414 metadata of a track. A party segment only changes the endpoint
 * URLs (FoxIDs layout); the issuer and keys belong to the track. There is no authorization endpoint,
 * so response_types_supported (REQUIRED by RFC 8414) is an empty list: no response type is supported.
 */
export function handleDiscovery(request: ProtocolRequest, route: RouteParams): Promise<ProtocolResponse> {
  return guarded(() => discovery(request, route));
}

/** The track's published signing keys (primary and, during rotation, secondary). */
export function handleJwks(request: ProtocolRequest, route: RouteParams): Promise<ProtocolResponse> {
  return guarded(() => jwks(request, route));
}

async function discovery(request: ProtocolRequest, route: RouteParams): Promise<ProtocolResponse> {
  const found = await resolve(route);
  if (!found) return notFound("unknown tenant or track");
  const { track, party } = found;
  // introspection and revocation authenticate clients exactly as the token endpoint does
  const methods = ["client_secret_post", "client_secret_basic", "private_key_jwt"];
  const algorithms = ASSERTION_ALGORITHMS;
  const body = JSON.stringify({
    issuer: track.issuer,
    token_endpoint: tokenEndpointOf(track.issuer, party),
    jwks_uri: jwksUriOf(track.issuer, party),
    grant_types_supported: ["client_credentials"],
    response_types_supported: [],
    token_endpoint_auth_methods_supported: methods,
    token_endpoint_auth_signing_alg_values_supported: algorithms,
    introspection_endpoint: introspectionEndpointOf(track.issuer, party),
    introspection_endpoint_auth_methods_supported: methods,
    introspection_endpoint_auth_signing_alg_values_supported: algorithms,
    revocation_endpoint: revocationEndpointOf(track.issuer, party),
    revocation_endpoint_auth_methods_supported: methods,
    revocation_endpoint_auth_signing_alg_values_supported: algorithms,
    scopes_supported: await trackScopes(track.id),
    access_token_signing_alg_values_supported: [track.signingAlgorithm],
  });
  return cacheableJson(request, body, weakEtag(body));
}

async function jwks(request: ProtocolRequest, route: RouteParams): Promise<ProtocolResponse> {
  const found = await resolve(route);
  if (!found) return notFound("unknown tenant or track");
  const keys = await getTrackKeys(found.track.id);
  const body = JSON.stringify(keys.jwks);
  return cacheableJson(request, body, weakEtag(`${keys.etag}:${body.length}`));
}

async function resolve(route: RouteParams) {
  const party = route.party === undefined ? undefined : normaliseName(route.party);
  if (party === null) return null;
  const track = await findTrack(route.tenant ?? "", route.track ?? "");
  return track ? { track, party } : null;
}
