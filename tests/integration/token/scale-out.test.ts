import { createRemoteJWKSet, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dbMode, dropTestDatabase, startServer, testKek, type TestServer } from "../support/server";
import { controlClient } from "./support/control";
import { assertion, basicHeader, JWT_BEARER, newKey, postToken, type Keys } from "./support/token-suite";

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

describe.runIf(dbMode() === "postgres")("scale-out on PostgreSQL", () => {
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
        const { payload } = await jwtVerify(r.json.access_token as string, jwks, { issuer: ISSUER, audience: "api1", typ: "at+jwt" });
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
    expect(replay.json.error).toBe("invalid_client");
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
});
