"use server";

import { z } from "zod";
import { adminAction } from "@/lib/auth/admin-action";
import { getParty, getTrack, invalid } from "@/lib/control";
import { handleTokenRequest } from "@/lib/oauth/token-endpoint";

const tryTokenSchema = z.object({
  tenant: z.string().min(1).max(50),
  track: z.string().min(1).max(50),
  party: z.string().min(1).max(50),
  secret: z.string().max(300).optional(),
  assertion: z.string().max(8000).optional(),
  scope: z.string().trim().max(1000).optional(),
});

/**
 * "Try it": asks the real token endpoint code (lib/oauth, in this process) for a token as the client
 * would, so the answer is exactly what the client will get over HTTP.
 */
export async function tryTokenAction(input: z.input<typeof tryTokenSchema>) {
  return adminAction(async (actor) => {
    const q = tryTokenSchema.parse(input);
    const party = await getParty(actor, q);
    const track = await getTrack(actor, q.tenant, q.track);
    if (!party.client) throw invalid([{ field: "party", message: "This application has no client part." }]);
    const method = party.client.auth_method;
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
    if (method === "private_key_jwt") {
      if (!q.assertion) throw invalid([{ field: "assertion", message: "Paste a client assertion (a JWT signed with the client's key)." }]);
      form.set("client_id", party.name);
      form.set("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
      form.set("client_assertion", q.assertion.trim());
    } else {
      if (!q.secret) throw invalid([{ field: "secret", message: "Paste the client secret." }]);
      if (method === "client_secret_basic") {
        const basic = `${encodeURIComponent(party.name)}:${encodeURIComponent(q.secret.trim())}`;
        headers.authorization = `Basic ${Buffer.from(basic).toString("base64")}`;
      } else {
        form.set("client_id", party.name);
        form.set("client_secret", q.secret.trim());
      }
    }
    if (q.scope) form.set("scope", q.scope);
    const request = new Request(track.token_endpoint, { method: "POST", headers, body: form });
    const response = await handleTokenRequest(request, { tenant: q.tenant, track: q.track });
    const body = (await response.json().catch(() => null)) as Record<string, unknown> | null;
    return { status: response.status, body };
  });
}
