import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../support/server";
import { controlClient } from "../../support/control-api";
import { postToken } from "../../support/token";

// "Rotate" publishes the next key first and lets it sign only after the JWKS cache lifetime
// (FENNEC_KEY_PUBLISH_LEAD_SECONDS, 300 by default; a few seconds on this server of its own), so a
// verifier holding a cached JWKS never meets an unknown kid. "Promote now" switches at once.

const LEAD_S = 6;
let server: TestServer;
let control: Awaited<ReturnType<typeof controlClient>>;
let issuer: string;
let base: string;
let secret: string;

type KeyView = { kid: string; state: string; next: boolean; activate_at: string | null };
type Rotated = { primary_kid: string; next_kid: string | null; activate_at: string | null; keys: KeyView[] };

const jwksUrl = () => `${issuer}.well-known/openid-configuration/keys`;
const jwksKids = async () => ((await (await fetch(jwksUrl())).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
const accessToken = async () => {
  const r = await postToken(`${issuer}oauth/token`, { grant_type: "client_credentials", client_id: "svc", client_secret: secret, scope: "api:read" });
  expect(r.status, r.text).toBe(200);
  return r.body.access_token as string;
};
const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;
const verify = (jwt: string) => jwtVerify(jwt, createRemoteJWKSet(new URL(jwksUrl())), { issuer, audience: "api", typ: "at+jwt" });

beforeAll(async () => {
  const bootstrap = { id: "rotation-admin", secret: randomBytes(32).toString("base64url") };
  server = await startServer({
    env: {
      FENNEC_BOOTSTRAP_CLIENT_ID: bootstrap.id,
      FENNEC_BOOTSTRAP_CLIENT_SECRET: bootstrap.secret,
      FENNEC_KEY_PUBLISH_LEAD_SECONDS: String(LEAD_S),
    },
  });
  control = await controlClient(server.url, bootstrap);
  await control.call("POST", "tenants", { name: "rot" });
  const track = (await control.call("POST", "rot/tracks", { name: "prod" })) as { issuer: string };
  issuer = track.issuer;
  base = "rot/prod";
  await control.call("POST", `${base}/parties`, { name: "api", resource: { scopes: ["read"] } });
  const client = (await control.call("POST", `${base}/parties`, { name: "svc", client: { resource_scopes: [{ resource: "api", scopes: ["read"] }] } })) as {
    secret: string;
  };
  secret = client.secret;
}, 180_000);
afterAll(async () => server?.stop());

describe("rotate: publish first, promote after the JWKS cache lifetime", () => {
  let firstKid: string;
  let firstToken: string;
  let rotated: Rotated;
  let requested: number;

  it("publishes the next key in JWKS at once, while the current key keeps signing", async () => {
    firstToken = await accessToken();
    firstKid = kidOf(firstToken)!;
    requested = Date.now();
    rotated = (await control.call("POST", `${base}/signing-keys/rotate`)) as Rotated;
    expect(rotated.primary_kid).toBe(firstKid);
    expect(rotated.next_kid).toBeTruthy();
    expect(rotated.next_kid).not.toBe(firstKid);
    const activateAt = Date.parse(rotated.activate_at!);
    expect(activateAt).toBeGreaterThanOrEqual(requested + LEAD_S * 1000 - 2000);
    expect(activateAt).toBeLessThanOrEqual(Date.now() + LEAD_S * 1000 + 2000);
    // the planned promotion time is shown on the key (API and UI read the same view)
    expect(rotated.keys.find((k) => k.kid === rotated.next_kid)).toMatchObject({ state: "secondary", next: true, activate_at: rotated.activate_at });

    expect(await jwksKids()).toEqual([firstKid, rotated.next_kid]);
    expect(kidOf(await accessToken())).toBe(firstKid);
  });

  it("rotating again while a key is pending keeps that key and its planned time", async () => {
    const again = (await control.call("POST", `${base}/signing-keys/rotate`)) as Rotated;
    expect(again.next_kid).toBe(rotated.next_kid);
    expect(again.activate_at).toBe(rotated.activate_at);
    expect(again.keys.filter((k) => k.state === "secondary")).toHaveLength(1);
  });

  it("no token is signed by the next key before its time; after it, the next key signs, and old tokens still verify", async () => {
    const activateAt = Date.parse(rotated.activate_at!);
    let switchedAt = 0;
    while (Date.now() < activateAt + 30_000) {
      const sent = Date.now();
      const t = await accessToken();
      if (kidOf(t) === rotated.next_kid) {
        switchedAt = sent;
        break;
      }
      expect(kidOf(t)).toBe(firstKid);
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(switchedAt, "the next key never signed").toBeGreaterThan(0);
    // the request that got the new key was sent after the planned time (the server answers after it)
    expect(switchedAt + 1000).toBeGreaterThanOrEqual(activateAt);
    const newToken = await accessToken();
    expect(kidOf(newToken)).toBe(rotated.next_kid);
    await verify(newToken);
    await verify(firstToken);
    const keys = ((await control.call("GET", `${base}/signing-keys`)) as { data: KeyView[] }).data;
    expect(keys.find((k) => k.kid === rotated.next_kid)!.state).toBe("primary");
    expect(keys.find((k) => k.kid === firstKid)!.state).toBe("secondary");
  }, 60_000);
});

describe("promote now: the emergency switch", () => {
  it("a new key signs at once when nothing is pending", async () => {
    const before = kidOf(await accessToken());
    const r = (await control.call("POST", `${base}/signing-keys/promote-now`)) as { primary_kid: string; previous_kid: string };
    expect(r.previous_kid).toBe(before);
    expect(r.primary_kid).not.toBe(before);
    expect(kidOf(await accessToken())).toBe(r.primary_kid);
    expect((await jwksKids())[0]).toBe(r.primary_kid);
  });

  it("promotes the pending next key of a rotation instead of making another", async () => {
    const rotated = (await control.call("POST", `${base}/signing-keys/rotate`)) as Rotated;
    expect(rotated.next_kid).toBeTruthy();
    const r = (await control.call("POST", `${base}/signing-keys/promote-now`)) as { primary_kid: string };
    expect(r.primary_kid).toBe(rotated.next_kid);
    expect(kidOf(await accessToken())).toBe(rotated.next_kid);
  });

  it("both are audited, and promote-now answers only POST", async () => {
    const audit = ((await control.call("GET", "rot/audit?action=signing-keys")) as { data: { action: string }[] }).data.map((e) => e.action);
    expect(audit).toContain("signing-keys.rotate");
    expect(audit).toContain("signing-keys.promote-now");
    const r = await fetch(`${server.url}/api/control/${base}/signing-keys/promote-now`, { headers: { authorization: `Bearer ${control.token}` } });
    expect(r.status).toBe(405);
    expect(r.headers.get("allow")).toBe("POST");
  });
});
