import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedServer } from "../../support/fennec";
import { assertion, basicHeader, JWT_BEARER, type Keys, newKey, postToken } from "../../support/token";
import { controlClient } from "../../support/control-api";

// RFC 6749 §2.3.1: a client issued a secret may send it in a Basic header or in the body, whatever
// method it was registered with, unless its strict_auth_method switch is on; private_key_jwt is always strict.

type Control = Awaited<ReturnType<typeof controlClient>>;
let control: Control;
let tenant: string;
let issuer: string;
let tokenUrl: string;
const secrets: Record<string, string> = {};
let key: Keys;

const cc = { grant_type: "client_credentials", scope: "api1:read" };
const viaPost = (id: string, secret = secrets[id]) => postToken(tokenUrl, { ...cc, client_id: id, client_secret: secret });
const viaBasic = (id: string, secret = secrets[id]) => postToken(tokenUrl, cc, { authorization: basicHeader(id, secret) });

beforeAll(async () => {
  const { url, bootstrapClient } = sharedServer();
  control = await controlClient(url, bootstrapClient);
  tenant = `am-${randomBytes(4).toString("hex")}`;
  issuer = `${url}/${tenant}/prod/`;
  tokenUrl = `${issuer}oauth/token`;
  await control.call("POST", "tenants", { name: tenant });
  await control.call("POST", `${tenant}/tracks`, { name: "prod" });
  const party = (body: unknown) => control.call("POST", `${tenant}/prod/parties`, body) as Promise<{ secret?: string; client: { strict_auth_method: boolean } }>;
  await party({ name: "api1", resource: { scopes: ["read"] } });
  const grants = [{ resource: "api1", scopes: ["read"] }];
  for (const [name, auth_method, strict] of [
    ["post-lenient", "client_secret_post", false],
    ["basic-lenient", "client_secret_basic", false],
    ["post-strict", "client_secret_post", true],
    ["basic-strict", "client_secret_basic", true],
  ] as const) {
    const created = await party({ name, client: { auth_method, resource_scopes: grants, ...(strict ? { strict_auth_method: true } : {}) } });
    expect(created.client.strict_auth_method).toBe(strict);
    secrets[name] = created.secret!;
  }
  await party({ name: "jwt-client", client: { auth_method: "private_key_jwt", resource_scopes: grants } });
  key = await newKey("ES256", "ec-am");
  await control.call("POST", `${tenant}/prod/parties/jwt-client/keys`, { jwk: key.publicJwk });
});
afterAll(async () => {
  await control?.call("DELETE", `tenants/${tenant}`).catch(() => {});
});

const ok = async (p: ReturnType<typeof postToken>) => {
  const r = await p;
  expect(r.status, r.text).toBe(200);
  expect(r.body.token_type).toBe("Bearer");
};
const refused = async (p: ReturnType<typeof postToken>) => {
  const r = await p;
  expect(r.status, r.text).toBe(401);
  expect(r.body.error).toBe("invalid_client");
};

describe("secret clients accept Basic and post by default", () => {
  it("a client registered for client_secret_post (the default) also takes its secret in a Basic header", async () => {
    await ok(viaPost("post-lenient"));
    await ok(viaBasic("post-lenient"));
  });

  it("a client registered for client_secret_basic also takes its secret in the body", async () => {
    await ok(viaBasic("basic-lenient"));
    await ok(viaPost("basic-lenient"));
  });

  it("a wrong secret is refused either way", async () => {
    await refused(viaPost("post-lenient", "wrong"));
    await refused(viaBasic("post-lenient", "wrong"));
  });

  it("the bootstrap client (registered for post) gets a Control API token with Basic", async () => {
    const { url, bootstrapClient } = sharedServer();
    const r = await postToken(`${url}/master/master/oauth/token`, { grant_type: "client_credentials", scope: "control_api:master" }, {
      authorization: basicHeader(bootstrapClient.id, bootstrapClient.secret),
    });
    expect(r.status, r.text).toBe(200);
    const tenants = await fetch(`${url}/api/control/tenants`, { headers: { authorization: `Bearer ${r.body.access_token as string}` } });
    expect(tenants.status).toBe(200);
  });
});

describe("strict_auth_method", () => {
  it("a strict client takes only its registered method", async () => {
    await ok(viaPost("post-strict"));
    await refused(viaBasic("post-strict"));
    await ok(viaBasic("basic-strict"));
    await refused(viaPost("basic-strict"));
  });

  it("switching it on through the Control API takes effect on the token route", async () => {
    const view = (await control.call("GET", `${tenant}/prod/parties/basic-lenient`)) as {
      version: number;
      client: { auth_method: string; resource_scopes: unknown; access_token_lifetime: number };
    };
    const c = view.client;
    const put = (strict: boolean, version: number) =>
      control.call("PUT", `${tenant}/prod/parties/basic-lenient`, {
        name: "basic-lenient",
        version,
        client: { auth_method: c.auth_method, resource_scopes: c.resource_scopes, access_token_lifetime: c.access_token_lifetime, strict_auth_method: strict },
      }) as Promise<{ version: number; client: { strict_auth_method: boolean } }>;
    const strict = await put(true, view.version);
    expect(strict.client.strict_auth_method).toBe(true);
    await expect.poll(async () => (await viaPost("basic-lenient")).status, { timeout: 10_000 }).toBe(401);
    await ok(viaBasic("basic-lenient"));
    const lenient = await put(false, strict.version);
    expect(lenient.client.strict_auth_method).toBe(false);
    await expect.poll(async () => (await viaPost("basic-lenient")).status, { timeout: 10_000 }).toBe(200);
  });

  it("a strict_auth_method that is not a boolean is a 422 problem", async () => {
    await expect(
      control.call("POST", `${tenant}/prod/parties`, { name: "bad", client: { auth_method: "client_secret_post", strict_auth_method: "yes" } }),
    ).rejects.toThrow(/422/);
  });
});

describe("private_key_jwt stays strict", () => {
  it("takes an assertion, and not even a secret it holds (e.g. from before a switch to private_key_jwt) in either form", async () => {
    const a = await assertion("jwt-client", issuer, { key: key.privateKey, alg: "ES256", kid: key.kid });
    await ok(postToken(tokenUrl, { ...cc, client_assertion_type: JWT_BEARER, client_assertion: a }));
    const { secret } = (await control.call("POST", `${tenant}/prod/parties/jwt-client/secrets`, {})) as { secret: string };
    await refused(viaPost("jwt-client", secret));
    await refused(viaBasic("jwt-client", secret));
  });

  it("a secret client cannot authenticate with an assertion", async () => {
    const a = await assertion("post-lenient", issuer, { key: key.privateKey, alg: "ES256", kid: key.kid });
    await refused(postToken(tokenUrl, { ...cc, client_assertion_type: JWT_BEARER, client_assertion: a }));
  });
});
