import "server-only";
import { decodeJwt } from "jose";
import { CONTROL_API_RESOURCE, MASTER, type Actor } from "@/lib/tenancy";
import { HttpProblem } from "./problem";
import { trackOfIssuer } from "@/lib/oauth/urls";
import { verifyActiveAccessToken } from "@/lib/oauth/token-state";
import { InvalidAccessTokenError } from "@/lib/oauth/verify-access-token";

const REALM = 'Bearer realm="fennec-control"';

function unauthorized(reason?: string): HttpProblem {
  // RFC 6750 §3: no credentials → no error code; bad credentials → invalid_token.
  const challenge = reason ? `${REALM}, error="invalid_token", error_description="${reason.replace(/["\\]/g, "")}"` : REALM;
  return new HttpProblem({
    status: 401,
    title: "Unauthorized",
    detail: reason ? `The access token is not accepted: ${reason}.` : "Send a Control API access token as 'Authorization: Bearer <token>'.",
    headers: { "www-authenticate": challenge },
  });
}

function insufficientScope(): HttpProblem {
  return new HttpProblem({
    status: 403,
    title: "Forbidden",
    detail: "The access token has neither control_api:master (from master/master) nor control_api:tenant.",
    headers: { "www-authenticate": `${REALM}, error="insufficient_scope", scope="control_api:tenant"` },
  });
}

/** The tenant a token's issuer names, when that issuer is a `master` track of this server. */
function issuerTenant(iss: unknown): string | null {
  if (typeof iss !== "string") return null;
  const t = trackOfIssuer(iss);
  return t && t.track === MASTER ? t.tenant : null;
}

/**
 * The caller of the Control API, as FoxIDs decides it: a token for resource `control_api` from a
 * tenant's master track. `control_api:master` from master/master manages every tenant;
 * `control_api:tenant` manages the issuing tenant only. Which tenant a request touches is checked by
 * the domain layer against the returned actor.
 */
export async function authenticateControlApi(req: Request): Promise<Actor> {
  const header = req.headers.get("authorization");
  if (!header) throw unauthorized();
  const m = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  if (!m) throw unauthorized("the Authorization header is not 'Bearer <token>'");
  const token = m[1];

  let iss: unknown;
  try {
    iss = decodeJwt(token).iss;
  } catch {
    throw unauthorized("token is malformed");
  }
  const tenant = issuerTenant(iss);
  if (!tenant) throw unauthorized("token is not issued by a master track of this server");

  let claims;
  try {
    claims = await verifyActiveAccessToken(token, { tenant, track: MASTER, audience: CONTROL_API_RESOURCE });
  } catch (e) {
    if (e instanceof InvalidAccessTokenError) throw unauthorized(e.message);
    throw e;
  }
  const scopes = new Set((claims.scope ?? "").split(" ").filter(Boolean));
  if (tenant === MASTER && scopes.has(`${CONTROL_API_RESOURCE}:master`)) {
    return { kind: "client", clientId: claims.client_id, tenant: null };
  }
  if (scopes.has(`${CONTROL_API_RESOURCE}:tenant`)) return { kind: "client", clientId: claims.client_id, tenant };
  throw insufficientScope();
}
