import { createPrivateKey } from "node:crypto";
import { SignJWT } from "jose";
import * as oauth from "oauth4webapi";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptWithKek } from "@/lib/keys/encryption";
import { controlClient } from "../../support/control-api";
import { createTestDatabase, dropTestDatabase, startServer, testKek, type TestServer } from "../../support/server";

// Two instances on one PostgreSQL: a token revoked through one (RFC 7009, or the Control API's
// "revoke all tokens issued before now") is inactive in introspection on the other within 5 seconds,
// although the other had just answered "active" for it (the change feed drops what it remembered).
// And tokens signed with the track's own key that have expired or are not yet valid are inactive: the
// test decrypts the track key with the instances' key-encryption key to make them.
// PostgreSQL only: PGlite serves a single process.

const PUBLIC = "https://id.fennec.test";
const ISSUER = `${PUBLIC}/master/master/`;
const boot = { id: "revoke-admin", secret: "revoke-admin-secret-0123456789abcdef" };
const insecure = { [oauth.allowInsecureRequests]: true };
const KEK = testKek();
let a: TestServer, b: TestServer, databaseUrl: string;
let secret: string;
let control: Awaited<ReturnType<typeof controlClient>>;

const meta = (s: TestServer): oauth.AuthorizationServer => ({
  issuer: ISSUER,
  token_endpoint: `${s.url}/master/master/oauth/token`,
  introspection_endpoint: `${s.url}/master/master/oauth/introspect`,
  revocation_endpoint: `${s.url}/master/master/oauth/revoke`,
});
const client = { client_id: "svc" };
const auth = () => oauth.ClientSecretPost(secret);

async function token(s: TestServer): Promise<string> {
  const r = await oauth.clientCredentialsGrantRequest(meta(s), client, auth(), new URLSearchParams({ scope: "api1:read" }), insecure);
  return (await oauth.processClientCredentialsResponse(meta(s), client, r)).access_token;
}

async function active(s: TestServer, t: string): Promise<boolean> {
  const r = await oauth.introspectionRequest(meta(s), client, auth(), t, insecure);
  return (await oauth.processIntrospectionResponse(meta(s), client, r)).active;
}

/** Polls introspection on `s` until the token is inactive; returns how long that took (ms). */
async function inactiveAfter(s: TestServer, t: string, since: number): Promise<number> {
  while (Date.now() - since < 10_000) {
    if (!(await active(s, t))) return Date.now() - since;
    await new Promise((r) => setTimeout(r, 100));
  }
  return Infinity;
}

describe("revocation across instances on PostgreSQL", () => {
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    const env = { FENNEC_KEY_ENCRYPTION_KEY: KEK, FENNEC_PUBLIC_URL: PUBLIC, FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret };
    [a, b] = await Promise.all([startServer({ db: "postgres", databaseUrl, env }), startServer({ db: "postgres", databaseUrl, env })]);
    control = await controlClient(a.url, boot);
    await control.call("POST", "master/master/parties", { name: "api1", resource: { scopes: ["read"] } });
    await control.call("POST", "master/master/parties", { name: "svc", client: { resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
    secret = (await control.call("POST", "master/master/parties/svc/secrets", {})).secret;
  });

  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it("a token revoked on A is inactive on B within 5 seconds", async () => {
    const t = await token(a);
    expect(await active(b, t)).toBe(true); // B now remembers "not revoked"
    expect(await active(a, t)).toBe(true);
    await oauth.processRevocationResponse(await oauth.revocationRequest(meta(a), client, auth(), t, insecure));
    const revoked = Date.now();
    expect(await active(a, t)).toBe(false); // the revoking instance knows at once
    const ms = await inactiveAfter(b, t, revoked);
    expect(ms).toBeLessThan(5000);
    console.log(`revoked token inactive on instance B after ${ms} ms`);
  });

  it("revoke all tokens of a client through A: inactive on B within 5 seconds", async () => {
    const t = await token(b);
    expect(await active(b, t)).toBe(true);
    await control.call("POST", "master/master/parties/svc/revoke-tokens");
    const revoked = Date.now();
    expect(await active(a, t)).toBe(false);
    const ms = await inactiveAfter(b, t, revoked);
    expect(ms).toBeLessThan(5000);
    console.log(`"not before" reached instance B after ${ms} ms`);
  });

  it("tokens signed with the track's key that expired or are not yet valid are inactive", async () => {
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db.query(
      `SELECT k.kid, k.algorithm, k."privateKeyEncrypted" FROM "SigningKey" k JOIN "Track" t ON t.id = k."trackId"
       JOIN "Tenant" n ON n.id = t."tenantId" WHERE n.name = 'master' AND t.name = 'master' AND k.state = 'primary'`,
    );
    await db.end();
    const { kid, algorithm, privateKeyEncrypted } = rows[0];
    const key = createPrivateKey(decryptWithKek(Buffer.from(KEK, "hex"), privateKeyEncrypted, `signing-key:${kid}`));
    // a token issued after the cutoff of the previous test
    await new Promise((r) => setTimeout(r, 1100));
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, number>) =>
      new SignJWT({ client_id: "svc", scope: "api1:read", jti: crypto.randomUUID(), ...claims })
        .setProtectedHeader({ alg: algorithm, kid, typ: "at+jwt" })
        .setIssuer(ISSUER)
        .setSubject("svc")
        .setAudience("api1")
        .sign(key);
    expect(await active(a, await sign({ iat: now, nbf: now, exp: now + 60 })), "the control case").toBe(true);
    expect(await active(a, await sign({ iat: now - 120, nbf: now - 120, exp: now - 2 })), "expired").toBe(false);
    expect(await active(a, await sign({ iat: now, nbf: now + 60, exp: now + 120 })), "not yet valid").toBe(false);
  });
});
