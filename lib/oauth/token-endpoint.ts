import "server-only";
import { describeError } from "@/lib/errors/describe-error";
import { authenticateClient } from "./authenticate-client";
import { OAuthError } from "./errors";
import { notFound, oauthErrorResponse, tokenResponse } from "./http";
import { issueAccessToken } from "./issue-access-token";
import { readForm, rejectQueryParameters } from "./read-form";
import { resolveScopes } from "./resolve-scopes";
import { findTrack, type TrackInfo } from "./track-cache";
import { normaliseName } from "./urls";

export type TokenRoute = { tenant: string; track: string; party?: string };

/**
 * POST {issuer}oauth/token and {issuer}{party}/oauth/token: the client credentials grant, and only it
 * (RFC 9700 §2.4 forbids the password grant). Every failure is an RFC 6749 §5.2 JSON error.
 */
export async function handleTokenRequest(request: Request, route: TokenRoute): Promise<Response> {
  let track: TrackInfo | null = null;
  try {
    track = await findTrack(route.tenant, route.track);
    const party = route.party === undefined ? undefined : normaliseName(route.party);
    if (!track || party === null) return notFound("unknown tenant, track or client");
    if (request.url.includes("?")) rejectQueryParameters(new URL(request.url));
    const form = await readForm(request);
    const grantType = form.get("grant_type");
    if (grantType !== "client_credentials") {
      throw new OAuthError(
        "unsupported_grant_type",
        grantType === undefined ? "grant_type is required" : "only the client_credentials grant is supported",
      );
    }
    const client = await authenticateClient(request, form, { track, party });
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
    if (e instanceof OAuthError) return oauthErrorResponse(e, track?.issuer);
    const id = crypto.randomUUID();
    console.error(`token endpoint error ${id}:`, describeError(e));
    return oauthErrorResponse(new OAuthError("server_error", `the request could not be processed (id ${id})`, { status: 503 }));
  }
}
