import "server-only";
import { authenticateClient } from "./authenticate-client";
import type { ClientSnapshot } from "./client-cache";
import { OAuthError } from "./errors";
import { logUnexpected, notFound, oauthErrorResponse } from "./http";
import type { ProtocolRequest, ProtocolResponse, RouteParams } from "./protocol";
import { readForm, rejectQueryParameters, type Form } from "./read-form";
import { findTrack, type TrackInfo } from "./track-cache";
import { normaliseName } from "./urls";

export type ClientRequest = { track: TrackInfo; client: ClientSnapshot; form: Form };

// The credentials and the token must not travel in the request URI (RFC 6749 §2.3.1, RFC 7662 §2.1).
const URI_FORBIDDEN = ["token", "token_type_hint"];

/**
 * An endpoint a client calls with its credentials besides the token endpoint (introspection,
 * revocation): the same track lookup, form rules and client authentication (methods, throttles,
 * caches, argon2 gate, errors) as the token endpoint, then `handle`. Every failure is RFC 6749 §5.2 JSON.
 */
export async function clientEndpoint(
  where: string,
  request: ProtocolRequest,
  route: RouteParams,
  handle: (r: ClientRequest) => Promise<ProtocolResponse>,
): Promise<ProtocolResponse> {
  let track: TrackInfo | null = null;
  try {
    track = await findTrack(route.tenant ?? "", route.track ?? "");
    const party = route.party === undefined ? undefined : normaliseName(route.party);
    if (!track || party === null) return notFound("unknown tenant, track or client");
    if (request.query !== null) rejectQueryParameters(request.query, URI_FORBIDDEN);
    const form = await readForm(request);
    const client = await authenticateClient(request, form, { track, party });
    return await handle({ track, client, form });
  } catch (e) {
    if (e instanceof OAuthError) return oauthErrorResponse(e, track?.issuer);
    const id = logUnexpected(where, e);
    return oauthErrorResponse(new OAuthError("server_error", `the request could not be processed (id ${id})`, { status: 503 }));
  }
}
