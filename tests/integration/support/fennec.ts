import { inject } from "vitest";

/** The shared test server and its bootstrap client (FENNEC_BOOTSTRAP_CLIENT_ID, granted control_api:master). */
export function sharedServer() {
  return inject("fennec");
}

/** A client-credentials token for the bootstrap client, to call the Control API with. */
export async function bootstrapToken(scope = "control_api:master"): Promise<string> {
  const { url, bootstrapClient } = sharedServer();
  const r = await fetch(`${url}/master/master/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "client_credentials",
      client_id: bootstrapClient.id,
      client_secret: bootstrapClient.secret,
      scope,
    }),
  });
  if (r.status !== 200) throw new Error(`bootstrap token: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { access_token: string }).access_token;
}
