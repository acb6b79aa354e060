import "server-only";
import type { ClientAuthMethod } from "@/lib/db/generated/enums";
import { parseBasicAuthorization } from "./basic-auth";
import { findClient, type ClientSnapshot } from "./client-cache";
import { invalidClient, invalidRequest, OAuthError } from "./errors";
import type { ProtocolRequest } from "./protocol";
import type { Form } from "./read-form";
import type { TrackInfo } from "./track-cache";
import { tokenEndpointOf } from "./urls";
import { assertionClientId, JWT_BEARER, verifyClientAssertion } from "./verify-client-assertion";
import { decoyCheck, verifyClientSecret } from "./verify-client-secret";

export type Presented = { method: ClientAuthMethod; clientId: string };

/**
 * Which client the request claims to be and how it authenticates. Exactly one mechanism is allowed
 * (Basic header, client_secret in the body, or a client assertion); a body client_id must agree.
 */
export function presentedCredentials(request: Pick<ProtocolRequest, "headers">, form: Form): Presented & { secret?: string; assertion?: string } {
  const basic = parseBasicAuthorization(request.headers.get("authorization"));
  const secret = form.get("client_secret");
  const assertion = form.get("client_assertion");
  const assertionType = form.get("client_assertion_type");
  const bodyId = form.get("client_id");
  const mechanisms = [basic, secret, assertion ?? assertionType].filter((m) => m !== undefined && m !== null);
  if (mechanisms.length > 1) throw invalidRequest("client authentication must use only one mechanism");
  if (mechanisms.length === 0) throw new OAuthError("invalid_client", "client authentication is required");
  const agree = (id: string) => {
    if (bodyId !== undefined && bodyId !== id) throw invalidRequest("client_id does not match the authenticated client");
    return id;
  };
  if (basic) return { method: "client_secret_basic", clientId: agree(basic.clientId), secret: basic.secret };
  if (secret !== undefined) {
    if (bodyId === undefined) throw invalidRequest("client_id is required with client_secret");
    return { method: "client_secret_post", clientId: bodyId, secret };
  }
  if (assertionType !== JWT_BEARER) throw invalidRequest(`client_assertion_type must be ${JWT_BEARER}`);
  if (!assertion) throw invalidRequest("client_assertion is required");
  return { method: "private_key_jwt", clientId: agree(assertionClientId(assertion)), assertion };
}

export async function authenticateClient(
  request: Pick<ProtocolRequest, "headers">,
  form: Form,
  ctx: { track: TrackInfo; party?: string },
): Promise<ClientSnapshot> {
  const p = presentedCredentials(request, form);
  if (ctx.party !== undefined && p.clientId !== ctx.party) throw invalidClient();
  const client = await findClient(ctx.track.id, p.clientId);
  if (client && client.authMethod !== p.method) {
    // the same cost as a wrong secret, so the answer does not reveal that the client exists
    if (p.secret !== undefined) await decoyCheck(p.secret);
    throw invalidClient();
  }
  if (p.method === "private_key_jwt") {
    const legacyAudiences = [tokenEndpointOf(ctx.track.issuer), tokenEndpointOf(ctx.track.issuer, p.clientId)];
    await verifyClientAssertion(client, p.assertion!, { issuer: ctx.track.issuer, legacyAudiences });
  } else {
    await verifyClientSecret(client, p.secret!, `${ctx.track.id}:${p.clientId}`);
  }
  return client!;
}
