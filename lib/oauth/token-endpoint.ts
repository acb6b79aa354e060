import "server-only";
import { noteRequest, recordTokenRequest, REQUEST_ID_HEADER, type UsedCredential } from "@/lib/telemetry";
import { authenticateClient, type Attempt } from "./authenticate-client";
import { OAuthError } from "./errors";
import { logUnexpected, notFound, oauthErrorResponse, tokenResponse } from "./http";
import { issueAccessToken } from "./issue-access-token";
import type { ProtocolRequest, ProtocolResponse, RouteParams } from "./protocol";
import { readForm, rejectQueryParameters } from "./read-form";
import { resolveScopes } from "./resolve-scopes";
import { findTrack, type TrackInfo } from "./track-cache";
import { normaliseName } from "./urls";
import { toWebResponse, webProtocolRequest } from "./web-adapter";

/**
 * POST {issuer}oauth/token and {issuer}{party}/oauth/token: the client credentials grant, and only it
 * (RFC 9700 §2.4 forbids the password grant). Every failure is an RFC 6749 §5.2 JSON error.
 */
export async function tokenEndpoint(request: ProtocolRequest, route: RouteParams): Promise<ProtocolResponse> {
  const started = performance.now();
  const attempt: Attempt = { client: "", credential: null };
  let track: TrackInfo | null = null;
  let outcome = "issued";
  try {
    track = await findTrack(route.tenant ?? "", route.track ?? "");
    const party = route.party === undefined ? undefined : normaliseName(route.party);
    if (!track || party === null) return notFound("unknown tenant, track or client");
    if (request.query !== null) rejectQueryParameters(request.query);
    const form = await readForm(request);
    const grantType = form.get("grant_type");
    // RFC 6749 §5.2: a missing required parameter is invalid_request (§3.2: an empty one counts as missing).
    if (!grantType) throw new OAuthError("invalid_request", "grant_type is required");
    if (grantType !== "client_credentials") {
      throw new OAuthError("unsupported_grant_type", "only the client_credentials grant is supported");
    }
    const client = await authenticateClient(request, form, { track, party }, attempt);
    if (!client.clientCredentialsEnabled) {
      throw new OAuthError("unauthorized_client", "the client credentials grant is disabled for this client");
    }
    const grant = resolveScopes(client.name, client.grants, form.get("scope"), form.all("resource"));
    const token = await issueAccessToken(track, client, grant);
    return tokenResponse({
      access_token: token.accessToken,
      token_type: "Bearer",
      expires_in: token.expiresIn,
      ...(token.scope ? { scope: token.scope } : {}),
    });
  } catch (e) {
    if (e instanceof OAuthError) {
      outcome = e.error;
      return oauthErrorResponse(e, track?.issuer);
    }
    outcome = "server_error";
    const id = logUnexpected("token endpoint", e);
    return oauthErrorResponse(new OAuthError("server_error", `the request could not be processed (id ${id})`, { status: 503 }));
  } finally {
    record(request, track, attempt, outcome, started);
  }
}

// Metrics, usage buckets and the request's log line: names only of a known track and a registered client.
function record(request: ProtocolRequest, track: TrackInfo | null, attempt: Attempt, outcome: string, started: number) {
  const credential: UsedCredential | null = outcome === "issued" ? attempt.credential : null;
  recordTokenRequest({ track, client: attempt.client, outcome, credential, seconds: (performance.now() - started) / 1000 });
  const id = request.headers.get(REQUEST_ID_HEADER);
  if (id) {
    noteRequest(id, {
      ...(track ? { tenant: track.tenant, track: track.track } : {}),
      ...(attempt.client ? { client: attempt.client } : {}),
      ...(outcome === "issued" ? {} : { error: outcome }),
    });
  }
}

/** The same endpoint for a Web Request in this process (the Control UI's "Try it"). */
export async function handleTokenRequest(request: Request, route: RouteParams): Promise<Response> {
  return toWebResponse(await tokenEndpoint(webProtocolRequest(request), route));
}
