import "server-only";
import { clientEndpoint } from "./client-endpoint";
import { invalidRequest, OAuthError } from "./errors";
import { noStoreEmpty } from "./http";
import type { ProtocolRequest, ProtocolResponse, RouteParams } from "./protocol";
import { revokeToken } from "./revoked-tokens";
import { validTokenClaims } from "./token-state";

/**
 * POST {issuer}oauth/revoke and {issuer}{party}/oauth/revoke (RFC 7009). The caller authenticates as at
 * the token endpoint. token_type_hint is ignored (Fennec issues access tokens only). A token that is not
 * one of this track's valid tokens needs no revoking: 200, as for a revoked one (§2.2). A valid token of
 * another client is refused (§2.1), and nothing is revoked.
 */
export function revocationEndpoint(request: ProtocolRequest, route: RouteParams): Promise<ProtocolResponse> {
  return clientEndpoint("revocation endpoint", request, route, async ({ track, client, form }) => {
    const token = form.get("token");
    if (token === undefined) throw invalidRequest("token is required");
    const claims = await validTokenClaims(track, token);
    if (!claims) return noStoreEmpty();
    if (claims.client_id !== client.name) throw new OAuthError("unauthorized_client", "the token was not issued to this client");
    await revokeToken(client.partyId, claims.jti, new Date(claims.exp * 1000));
    return noStoreEmpty();
  });
}
