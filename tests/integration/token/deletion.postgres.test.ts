import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "../../support/control-api";
import { createTestDatabase, dropTestDatabase, startServer, testKek, type TestServer } from "../../support/server";
import { assertion, JWT_BEARER, newKey, postToken, type Keys, type TokenResponse } from "../../support/token";

// Deletions through instance A reach instance B, which shares the PostgreSQL database, through the
// change feed (B polls it each second): B had every client warm (snapshot and secret match cached), and
// within 5 seconds it refuses the deleted client, the deleted resource's scopes, the deleted client key
// and the deleted track's endpoints. One process each (FENNEC_WORKERS=1), so that B's caches are the
// ones asked. The same instance's answers are in deletion.test.ts.

const PUBLIC = "https://id.fennec.test";
const ISSUER = `${PUBLIC}/master/master/`;
const boot = { id: "del-admin", secret: "del-admin-secret-0123456789abcdef" };
const WITHIN_MS = 5000;
let a: TestServer, b: TestServer, databaseUrl: string;
let control: Awaited<ReturnType<typeof controlClient>>;
const secrets: Record<string, string> = {};
let keys: { doomed: Keys; kept: Keys };

const cc = { grant_type: "client_credentials" };
const tokenAt = (s: TestServer, name: string, extra: Record<string, string> = {}) =>
  postToken(`${s.url}/master/master/oauth/token`, { ...cc, client_id: name, client_secret: secrets[name], ...extra });
const signedBy = async (s: TestServer, k: Keys) =>
  postToken(`${s.url}/master/master/oauth/token`, {
    ...cc,
    client_assertion_type: JWT_BEARER,
    client_assertion: await assertion("batch", ISSUER, { key: k.privateKey, alg: "ES256", kid: k.kid }),
  });

/** How long B took to give the expected answer, polling every 100 ms; fails after WITHIN_MS. */
async function untilOnB(what: string, ask: () => Promise<TokenResponse | Response>, done: (status: number) => boolean): Promise<number> {
  const start = Date.now();
  let status = 0;
  while (Date.now() - start < WITHIN_MS) {
    status = (await ask()).status;
    if (done(status)) {
      const ms = Date.now() - start;
      console.log(`deletion.postgres: ${what} on the other instance after ${ms} ms`);
      return ms;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: instance B still answered ${status} after ${WITHIN_MS} ms`);
}

describe("deletions reach a second instance on PostgreSQL", () => {
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    const env = {
      FENNEC_WORKERS: "1",
      FENNEC_KEY_ENCRYPTION_KEY: testKek(),
      FENNEC_PUBLIC_URL: PUBLIC,
      FENNEC_BOOTSTRAP_CLIENT_ID: boot.id,
      FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret,
    };
    [a, b] = await Promise.all([startServer({ db: "postgres", databaseUrl, env }), startServer({ db: "postgres", databaseUrl, env })]);
    control = await controlClient(a.url, boot);
    const party = (body: unknown) => control.call("POST", "master/master/parties", body) as Promise<{ secret?: string }>;
    await party({ name: "api1", resource: { scopes: ["read"] } });
    await party({ name: "api2", resource: { scopes: ["read"] } });
    await party({ name: "orders-api", resource: { scopes: ["read"] }, client: { resource_scopes: [] } }).then((r) => (secrets["orders-api"] = r.secret!));
    const grants = [{ resource: "api1", scopes: ["read"] }, { resource: "api2", scopes: ["read"] }, { resource: "orders-api", scopes: ["read"] }];
    for (const name of ["gone", "shop"]) secrets[name] = (await party({ name, client: { resource_scopes: grants } })).secret!;
    await party({ name: "batch", client: { auth_method: "private_key_jwt", resource_scopes: grants } });
    keys = { doomed: await newKey("ES256", "doomed"), kept: await newKey("ES256", "kept") };
    for (const k of Object.values(keys)) await control.call("POST", "master/master/parties/batch/keys", { jwk: k.publicJwk });
    await control.call("POST", "master/tracks", { name: "doomed" });
    // warm on both instances
    for (const s of [a, b]) {
      for (let i = 0; i < 2; i++) {
        expect((await tokenAt(s, "gone")).status).toBe(200);
        expect((await tokenAt(s, "shop", { scope: "api2:read" })).status).toBe(200);
        expect((await signedBy(s, keys.doomed)).status).toBe(200);
      }
      expect((await fetch(`${s.url}/master/doomed/.well-known/openid-configuration/keys`)).status).toBe(200);
    }
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it("a deleted client: invalid_client on A at once and on B within 5 s; its earlier token inactive on B", async () => {
    const earlier = await tokenAt(b, "gone", { scope: "orders-api:read" });
    expect(earlier.status).toBe(200);
    await control.call("DELETE", "master/master/parties/gone");
    expect((await tokenAt(a, "gone")).status).toBe(401);
    await untilOnB("deleted client refused", () => tokenAt(b, "gone"), (st) => st === 401);
    const r = await tokenAt(b, "gone");
    expect(r.body.error).toBe("invalid_client");
    const introspected = await postToken(`${b.url}/master/master/oauth/introspect`, {
      client_id: "orders-api",
      client_secret: secrets["orders-api"],
      token: earlier.body.access_token,
    });
    expect(introspected.body).toEqual({ active: false });
  });

  it("a deleted resource: invalid_scope on A at once and on B within 5 s", async () => {
    await control.call("DELETE", "master/master/parties/api2");
    expect((await tokenAt(a, "shop", { scope: "api2:read" })).status).toBe(400);
    await untilOnB("deleted resource's scope refused", () => tokenAt(b, "shop", { scope: "api2:read" }), (st) => st === 400);
    expect((await tokenAt(b, "shop", { scope: "api2:read" })).body.error).toBe("invalid_scope");
    expect((await tokenAt(b, "shop", { scope: "api1:read" })).status).toBe(200);
  });

  it("a deleted client key: invalid_client on A at once and on B within 5 s; the other key still works", async () => {
    await control.call("DELETE", "master/master/parties/batch/keys/doomed");
    expect((await signedBy(a, keys.doomed)).status).toBe(401);
    await untilOnB("deleted key refused", () => signedBy(b, keys.doomed), (st) => st === 401);
    expect((await signedBy(b, keys.doomed)).body.error).toBe("invalid_client");
    expect((await signedBy(b, keys.kept)).status).toBe(200);
  });

  it("a deleted track: its JWKS, discovery and token endpoint are a JSON 404 on B within 5 s", async () => {
    await control.call("DELETE", "master/tracks/doomed");
    await untilOnB("deleted track's JWKS 404", () => fetch(`${b.url}/master/doomed/.well-known/openid-configuration/keys`), (st) => st === 404);
    for (const p of ["/master/doomed/.well-known/openid-configuration", "/.well-known/oauth-authorization-server/master/doomed"]) {
      const r = await fetch(`${b.url}${p}`);
      expect(r.status, p).toBe(404);
      expect(((await r.json()) as { error: string }).error).toBe("not_found");
    }
    const t = await postToken(`${b.url}/master/doomed/oauth/token`, cc);
    expect(t.status).toBe(404);
    expect(t.body.error).toBe("not_found");
  });
});
