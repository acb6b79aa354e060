import "server-only";
import type { ClientSnapshot } from "./client-cache";
import { clientEndpoint } from "./client-endpoint";
import { invalidRequest } from "./errors";
import { noStoreJson, tokenResponse } from "./http";
import type { ProtocolRequest, ProtocolResponse, RouteParams } from "./protocol";
import { isTokenActive, validTokenClaims } from "./token-state";
import type { AccessTokenClaims } from "./verify-access-token";

const INACTIVE = JSON.stringify({ active: false });

/**
 * POST {issuer}oauth/introspect and {issuer}{party}/oauth/introspect (RFC 7662). The caller
 * authenticates as at the token endpoint. A token is described only to its own client or to a party
 * that is a resource among the token's audiences and a client too (README "Token service"); to anyone
 * else, and for every token that is not active, the answer is {"active": false} (RFC 7662 §2.2).
 */
export function introspectionEndpoint(request: ProtocolRequest, route: RouteParams): Promise<ProtocolResponse> {
  return clientEndpoint("introspection endpoint", request, route, async ({ track, client, form }) => {
    const token = form.get("token");
    if (token === undefined) throw invalidRequest("token is required");
    const claims = await validTokenClaims(track, token);
    if (!claims || !maySee(client, claims) || !(await isTokenActive(track, claims))) return noStoreJson(200, INACTIVE);
    return tokenResponse({
      active: true,
      ...(typeof claims.scope === "string" ? { scope: claims.scope } : {}),
      client_id: claims.client_id,
      sub: claims.sub,
      aud: claims.aud,
      iss: claims.iss,
      exp: claims.exp,
      iat: claims.iat,
      ...(typeof claims.nbf === "number" ? { nbf: claims.nbf } : {}),
      jti: claims.jti,
      token_type: "Bearer",
    });
  });
}

function maySee(caller: ClientSnapshot, claims: AccessTokenClaims): boolean {
  if (caller.name === claims.client_id) return true;
  if (caller.ownAudience === null) return false;
  return Array.isArray(claims.aud) ? claims.aud.includes(caller.ownAudience) : claims.aud === caller.ownAudience;
}
