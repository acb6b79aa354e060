import { createRemoteJWKSet, jwtVerify } from "jose";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dropTestDatabase, startServer, testKek, type TestServer } from "../../support/server";
import { assertion, basicHeader, JWT_BEARER, type Keys, newKey, postToken } from "../../support/token";
import { controlClient } from "../../support/control-api";

// Two instances on one PostgreSQL with the same key-encryption key and public URL: tokens from either
// verify against either's JWKS, a jti used on one is refused by the other, and a secret deleted through
// one stops working on both within 5 seconds (change feed + secret-match cache invalidation).
// PostgreSQL only: PGlite serves a single process.

const PUBLIC = "https://id.fennec.test";
const ISSUER = `${PUBLIC}/master/master/`;
const boot = { id: "scale-admin", secret: "scale-admin-secret-0123456789abcdef" };
let a: TestServer, b: TestServer, databaseUrl: string;
let jwtKey: Keys;
let secret: { id: string; secret: string };

describe("scale-out on PostgreSQL", () => {
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    const env = {
      FENNEC_KEY_ENCRYPTION_KEY: testKek(),
      FENNEC_PUBLIC_URL: PUBLIC,
      FENNEC_BOOTSTRAP_CLIENT_ID: boot.id,
      FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret,
    };
    [a, b] = await Promise.all([
      startServer({ db: "postgres", databaseUrl, env }),
      startServer({ db: "postgres", databaseUrl, env }),
    ]);
    const control = await controlClient(a.url, boot);
    await control.call("POST", "master/master/parties", { name: "api1", resource: { scopes: ["read"] } });
    const grants = [{ resource: "api1", scopes: ["read"] }];
    await control.call("POST", "master/master/parties", { name: "svc", client: { auth_method: "client_secret_basic", resource_scopes: grants } });
    await control.call("POST", "master/master/parties", { name: "jwtsvc", client: { auth_method: "private_key_jwt", resource_scopes: grants } });
    secret = await control.call("POST", "master/master/parties/svc/secrets", {});
    jwtKey = await newKey("ES256", "scale-es");
    await control.call("POST", "master/master/parties/jwtsvc/keys", { jwk: jwtKey.publicJwk });
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  const basicToken = (s: TestServer) =>
    postToken(`${s.url}/master/master/oauth/token`, { grant_type: "client_credentials", scope: "api1:read" }, { authorization: basicHeader("svc", secret.secret) });

  it("a token from either instance verifies against either instance's JWKS", async () => {
    for (const from of [a, b]) {
      const r = await basicToken(from);
      expect(r.status, r.text).toBe(200);
      for (const keysOf of [a, b]) {
        const jwks = createRemoteJWKSet(new URL(`${keysOf.url}/master/master/.well-known/openid-configuration/keys`));
        const { payload } = await jwtVerify(r.body.access_token as string, jwks, { issuer: ISSUER, audience: "api1", typ: "at+jwt" });
        expect(payload.client_id).toBe("svc");
      }
    }
  });

  it("an assertion used on one instance is refused by the other", async () => {
    const jwt = await assertion("jwtsvc", ISSUER, { key: jwtKey.privateKey, alg: "ES256", kid: jwtKey.kid });
    const form = { grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: jwt };
    expect((await postToken(`${a.url}/master/master/oauth/token`, form)).status).toBe(200);
    const replay = await postToken(`${b.url}/master/master/oauth/token`, form);
    expect(replay.status).toBe(401);
    expect(replay.body.error).toBe("invalid_client");
  });

  it("the same assertion sent to both at once is accepted exactly once", async () => {
    for (let i = 0; i < 5; i++) {
      const jwt = await assertion("jwtsvc", ISSUER, { key: jwtKey.privateKey, alg: "ES256", kid: jwtKey.kid });
      const form = { grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: jwt };
      const results = await Promise.all([a, b, a, b].map((s) => postToken(`${s.url}/master/master/oauth/token`, form)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 401)).toHaveLength(3);
    }
  });

  it("a deleted secret stops working on both instances within 5 seconds", async () => {
    // warm both: the secret's argon2 match is now cached on each instance
    expect((await basicToken(a)).status).toBe(200);
    expect((await basicToken(b)).status).toBe(200);
    const control = await controlClient(a.url, boot);
    await control.call("DELETE", `master/master/parties/svc/secrets/${secret.id}`);
    const deleted = Date.now();
    const stopped = new Map<string, number>();
    while (stopped.size < 2 && Date.now() - deleted < 10_000) {
      for (const s of [a, b]) {
        if (stopped.has(s.url)) continue;
        const r = await basicToken(s);
        if (r.status === 401) stopped.set(s.url, Date.now() - deleted);
        else expect(r.status).toBe(200);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(stopped.size).toBe(2);
    for (const ms of stopped.values()) expect(ms).toBeLessThan(5000);
    console.log(`secret revoked: instance A after ${stopped.get(a.url)} ms, B after ${stopped.get(b.url)} ms`);
  });

  it("a secret added through one instance works on the other at its first use", async () => {
    const control = await controlClient(a.url, boot);
    await control.call("POST", "master/master/parties", { name: "fresh", client: { resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
    const first = await control.call("POST", "master/master/parties/fresh/secrets", {});
    const form = (secret: string) => ({ grant_type: "client_credentials", client_id: "fresh", client_secret: secret, scope: "api1:read" });
    // B has the client cached with its first secret
    expect((await postToken(`${b.url}/master/master/oauth/token`, form(first.secret))).status).toBe(200);
    const added = await control.call("POST", "master/master/parties/fresh/secrets", {});
    const r = await postToken(`${b.url}/master/master/oauth/token`, form(added.secret));
    expect(r.status, r.text).toBe(200);
  });

  it("failed guesses on both instances count towards one throttle", async () => {
    const control = await controlClient(a.url, boot);
    await control.call("POST", "master/master/parties", { name: "guessed", client: { resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
    const right = (await control.call("POST", "master/master/parties/guessed/secrets", {})).secret as string;
    const form = (secret: string) => ({ grant_type: "client_credentials", client_id: "guessed", client_secret: secret });
    // 10 wrong guesses on each instance: 20 in all, the limit, although neither saw 20 itself
    for (let i = 0; i < 10; i++) {
      for (const s of [a, b]) expect((await postToken(`${s.url}/master/master/oauth/token`, form(`wrong-guess-${i}-${s.port}-0123456789`))).status).toBe(401);
    }
    const r = await postToken(`${a.url}/master/master/oauth/token`, form(right));
    expect(r.status, "the right secret, not yet known to match, is not checked while the client is throttled").toBe(401);
  });

  it("a change committed after a later one still reaches every instance", async () => {
    const control = await controlClient(a.url, boot);
    await control.call("POST", "master/master/parties", { name: "late", client: { resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
    await control.call("POST", "master/master/parties", { name: "late-other", client: {} });
    const doomed = await control.call("POST", "master/master/parties/late/secrets", {});
    const form = { grant_type: "client_credentials", client_id: "late", client_secret: doomed.secret as string };
    for (const s of [a, b]) expect((await postToken(`${s.url}/master/master/oauth/token`, form)).status).toBe(200);

    // A writer takes the lower change id and commits only after another writer's higher id is polled.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query("BEGIN");
      const party = await db.query(`SELECT id FROM "Party" WHERE name = 'late'`);
      await db.query(`DELETE FROM "ClientSecret" WHERE id = $1`, [doomed.id]);
      await db.query(`INSERT INTO "ChangeEvent" (topic, key) VALUES ('secrets', $1)`, [party.rows[0].id]);
      // (a secret of another client: a change that leaves the 'late' client's cached snapshot alone)
      await control.call("POST", "master/master/parties/late-other/secrets", {});
      await new Promise((r) => setTimeout(r, 2500));
      await db.query("COMMIT");
    } finally {
      await db.end();
    }
    const committed = Date.now();
    const refusedOn = new Set<string>();
    while (refusedOn.size < 2 && Date.now() - committed < 8000) {
      for (const s of [a, b]) if ((await postToken(`${s.url}/master/master/oauth/token`, form)).status === 401) refusedOn.add(s.url);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(refusedOn.size, "both instances drop the secret whose change committed late").toBe(2);
  });

  it("concurrent writers through both instances: every deleted secret stops working everywhere", async () => {
    const control = { a: await controlClient(a.url, boot), b: await controlClient(b.url, boot) };
    const names = Array.from({ length: 8 }, (_, i) => `busy-${i}`);
    await Promise.all(names.map((name, i) => (i % 2 ? control.a : control.b).call("POST", "master/master/parties", { name, client: {} })));
    const secrets = await Promise.all(names.map((name, i) => (i % 2 ? control.b : control.a).call("POST", `master/master/parties/${name}/secrets`, {})));
    const form = (i: number) => ({ grant_type: "client_credentials", client_id: names[i], client_secret: secrets[i].secret as string });
    for (const s of [a, b]) for (let i = 0; i < names.length; i++) expect((await postToken(`${s.url}/master/master/oauth/token`, form(i))).status).toBe(200);
    await Promise.all(names.map((name, i) => (i % 2 ? control.a : control.b).call("DELETE", `master/master/parties/${name}/secrets/${secrets[i].id}`)));
    const deadline = Date.now() + 5000;
    const pending = new Set(names.flatMap((_, i) => [`a${i}`, `b${i}`]));
    while (pending.size && Date.now() < deadline) {
      for (const k of [...pending]) {
        const s = k[0] === "a" ? a : b;
        if ((await postToken(`${s.url}/master/master/oauth/token`, form(Number(k.slice(1))))).status === 401) pending.delete(k);
      }
    }
    expect([...pending]).toEqual([]);
  });
});
