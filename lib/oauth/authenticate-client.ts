import "server-only";
import type { ClientAuthMethod } from "@/lib/db/generated/enums";
import type { UsedCredential } from "@/lib/telemetry";
import { parseBasicAuthorization } from "./basic-auth";
import { findClient, reloadClient, type ClientSnapshot } from "./client-cache";
import { isClientId } from "./client-id";
import { invalidClient, invalidRequest, OAuthError } from "./errors";
import type { ProtocolRequest } from "./protocol";
import type { Form } from "./read-form";
import type { TrackInfo } from "./track-cache";
import { inspectAssertion, JWT_BEARER, verifyInspectedAssertion, type InspectedAssertion } from "./verify-client-assertion";
import { verifyClientSecret } from "./verify-client-secret";

export type Presented =
  | { method: "client_secret_basic" | "client_secret_post"; clientId: string; secret: string }
  | { method: "private_key_jwt"; clientId: string; assertion: InspectedAssertion };

type Ctx = { track: TrackInfo; party?: string };

/** What the request turned out to name, for metrics and usage: a registered client, and the credential that passed. */
export type Attempt = { client: string; credential: UsedCredential | null };

/**
 * Which client the request claims to be and how it authenticates. Exactly one mechanism is allowed
 * (Basic header, client_secret in the body, or a client assertion); a body client_id must agree.
 */
export function presentedCredentials(request: Pick<ProtocolRequest, "headers">, form: Form, track: TrackInfo): Presented {
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
  const inspected = inspectAssertion(assertion, { issuer: track.issuer });
  return { method: "private_key_jwt", clientId: agree(inspected.clientId), assertion: inspected };
}

export async function authenticateClient(
  request: Pick<ProtocolRequest, "headers">,
  form: Form,
  ctx: Ctx,
  attempt: Attempt = { client: "", credential: null },
): Promise<ClientSnapshot> {
  const p = presentedCredentials(request, form, ctx.track);
  // checked before any cache, throttle or lookup sees the id
  if (!isClientId(p.clientId)) throw invalidClient();
  if (ctx.party !== undefined && p.clientId !== ctx.party) throw invalidClient();
  const found = await findClient(ctx.track.id, p.clientId);
  const client = found && methodAccepted(found, p.method) ? found : null;
  if (found) attempt.client = found.name;
  if (p.method === "private_key_jwt") {
    if (found && !client) throw invalidClient();
    const kid = await verifyInspectedAssertion(client, p.assertion);
    attempt.credential = { kind: "key", partyId: client!.partyId, kid };
  } else {
    // a client registered for another method costs the same as an unknown one
    const secretId = await verifyClientSecret(client, p.secret, {
      throttleKey: `${ctx.track.id}:${p.clientId}`,
      reload: async () => {
        const fresh = await reloadClient(ctx.track.id, p.clientId);
        return fresh && methodAccepted(fresh, p.method) ? fresh : null;
      },
    });
    attempt.credential = { kind: "secret", id: secretId };
  }
  return client!;
}

const SECRET_METHODS: readonly ClientAuthMethod[] = ["client_secret_basic", "client_secret_post"];

// RFC 6749 §2.3.1: a server MUST support Basic for clients issued a password, so a secret client takes its
// secret either way unless it asked to be strict. A key client never takes a secret (it has none).
const methodAccepted = (client: ClientSnapshot, presented: ClientAuthMethod) =>
  client.authMethod === presented ||
  (!client.strictAuthMethod && SECRET_METHODS.includes(client.authMethod) && SECRET_METHODS.includes(presented));
