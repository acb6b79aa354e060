import "server-only";
import { assertMayWrite } from "./actor";
import { z } from "zod";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";
import { clientCredentialsRequest, type ClientCredentials } from "@/lib/oauth/token-request";
import type { Actor } from "./actor";
import { invalid } from "./errors";
import { parseInput } from "./parse";
import { getParty } from "./parties";
import { getTrack } from "./tracks";

export const tryTokenSchema = z.object({
  tenant: z.string().min(1).max(50),
  track: z.string().min(1).max(50),
  party: z.string().min(1).max(50),
  secret: z.string().max(300).optional(),
  assertion: z.string().max(8000).optional(),
  scope: z.string().trim().max(1000).optional(),
});
export type TryTokenInput = z.input<typeof tryTokenSchema>;

/**
 * "Try it": asks the real token endpoint code (lib/oauth, in this process) for a token as the client
 * would, so the answer is exactly what the client will get over HTTP.
 */
export async function tryToken(actor: Actor, input: TryTokenInput): Promise<{ status: number; body: Record<string, unknown> | null }> {
  assertMayWrite(actor);
  const q = parseInput(tryTokenSchema, input);
  const party = await getParty(actor, q);
  const track = await getTrack(actor, q.tenant, q.track);
  if (!party.client) throw invalid([{ field: "party", message: "This application has no client part." }]);
  const method = party.client.auth_method;
  let credentials: ClientCredentials;
  if (method === "private_key_jwt") {
    if (!q.assertion) throw invalid([{ field: "assertion", message: "Paste a client assertion (a JWT signed with the client's key)." }]);
    credentials = { method, clientId: party.name, assertion: q.assertion.trim() };
  } else {
    if (!q.secret) throw invalid([{ field: "secret", message: "Paste the client secret." }]);
    credentials = { method, clientId: party.name, secret: q.secret.trim() };
  }
  const request = clientCredentialsRequest(track.token_endpoint, credentials, q.scope || undefined);
  const response = await handleTokenRequest(request, { tenant: q.tenant, track: q.track });
  const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
  return { status: response.status, body };
}
