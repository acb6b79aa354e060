import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getToken, verifyToken } from "../../interop/node/oauth4webapi";
import { sharedServer } from "../../support/fennec";
import { controlClient } from "../../support/control-api";

// The README's Node recipe (tests/interop/node/oauth4webapi.ts, shown there verbatim) with each of
// the three client authentication methods. tests/integration/token/interop.test.ts covers more.

let control: Awaited<ReturnType<typeof controlClient>>;
let tenant: string;
let issuer: URL;
let secret: string;
let key: CryptoKey;

beforeAll(async () => {
  const { url, bootstrapClient } = sharedServer();
  control = await controlClient(url, bootstrapClient);
  tenant = `node-${randomBytes(4).toString("hex")}`;
  await control.call("POST", "tenants", { name: tenant });
  issuer = new URL(((await control.call("POST", `${tenant}/tracks`, { name: "prod" })) as { issuer: string }).issuer);
  const party = (body: unknown) => control.call("POST", `${tenant}/prod/parties`, body) as Promise<{ secret?: string }>;
  await party({ name: "orders-api", resource: { scopes: ["read"] } });
  const grants = [{ resource: "orders-api", scopes: ["read"] }];
  secret = (await party({ name: "backend", client: { resource_scopes: grants } })).secret!;
  await party({ name: "signer", client: { auth_method: "private_key_jwt", resource_scopes: grants } });
  const pair = await generateKeyPair("ES256", { extractable: true });
  key = pair.privateKey;
  await control.call("POST", `${tenant}/prod/parties/signer/keys`, { jwk: { ...(await exportJWK(pair.publicKey)), kid: "signer-1" } });
});
afterAll(async () => {
  await control?.call("DELETE", `tenants/${tenant}`).catch(() => {});
});

describe("oauth4webapi and jose (README \"Client libraries\")", () => {
  it.each([
    ["client_secret_basic", "backend", () => oauth.ClientSecretBasic(secret)],
    ["client_secret_post", "backend", () => oauth.ClientSecretPost(secret)],
    ["private_key_jwt", "signer", () => oauth.PrivateKeyJwt({ key, kid: "signer-1" })],
  ] as const)("%s", async (_method, clientId, auth) => {
    const token = await getToken(issuer, clientId, auth(), "orders-api:read");
    const payload = await verifyToken(issuer, token.access_token, "orders-api");
    expect(payload).toMatchObject({ client_id: clientId, scope: "orders-api:read", aud: "orders-api" });
  });
});
