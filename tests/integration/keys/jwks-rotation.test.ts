import { createHash } from "node:crypto";
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { api, master, tokenEndpoint, uniqueName } from "../../support/fennec";
import { postToken } from "../../support/token";

// Signing-key rotation seen from outside: the Control API's emergency "promote now" switches keys at
// once, the JWKS route publishes, and a verifier using jose's remote JWK set (which refetches on an
// unknown kid) accepts tokens signed before and after. The planned "rotate" is in publish-then-promote.test.ts.

const tenant = uniqueName("keys");
const track = "prod";
const base = `/${tenant}/${track}`;
const LIFETIME_S = 300;
let token: string;
let issuer: string;
let secret: string;

const jwksUrl = () => `${issuer}.well-known/openid-configuration/keys`;
const getJwks = async (headers: Record<string, string> = {}) => {
  const r = await fetch(jwksUrl(), { headers });
  return { status: r.status, etag: r.headers.get("etag"), cacheControl: r.headers.get("cache-control"), body: r.status === 200 ? ((await r.json()) as { keys: JWK[] }) : null };
};
const accessToken = async () => {
  const r = await postToken(tokenEndpoint(tenant, track), { grant_type: "client_credentials", client_id: "svc", client_secret: secret, scope: "api:read" });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.access_token as string;
};
// a fresh remote set each time, as a resource server that has not cached the keys yet
const verify = (jwt: string) => jwtVerify(jwt, createRemoteJWKSet(new URL(jwksUrl())), { issuer, audience: "api", typ: "at+jwt" });
const rotate = async () => {
  const r = await api(`${base}/signing-keys/promote-now`, { method: "POST", token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body as { primary_kid: string; keys: { kid: string; state: string; retire_at: string }[] };
};

beforeAll(async () => {
  token = await master();
  expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
  const tr = await api(`/${tenant}/tracks`, { method: "POST", token, body: { name: track } });
  expect(tr.status, JSON.stringify(tr.body)).toBe(201);
  issuer = tr.body.issuer;
  expect((await api(`${base}/parties`, { method: "POST", token, body: { name: "api", resource: { scopes: ["read"] } } })).status).toBe(201);
  const client = await api(`${base}/parties`, {
    method: "POST",
    token,
    body: { name: "svc", client: { resource_scopes: [{ resource: "api", scopes: ["read"] }], access_token_lifetime: LIFETIME_S } },
  });
  expect(client.status, JSON.stringify(client.body)).toBe(201);
  secret = client.body.secret;
});

describe("JWKS through a rotation", () => {
  let firstKid: string;
  let firstToken: string;
  let firstEtag: string;

  it("publishes one public key with its certificate, cacheable with an ETag", async () => {
    const jwks = await getJwks();
    expect(jwks.status).toBe(200);
    expect(jwks.cacheControl).toBe("public, max-age=300");
    expect(jwks.body!.keys).toHaveLength(1);
    const [key] = jwks.body!.keys;
    expect(key).toMatchObject({ kty: "RSA", use: "sig", alg: "RS256" });
    for (const m of ["d", "p", "q", "dp", "dq", "qi"]) expect(key).not.toHaveProperty(m);
    expect(key["x5t#S256"]).toBe(createHash("sha256").update(Buffer.from(key.x5c![0], "base64")).digest("base64url"));
    firstKid = key.kid!;
    firstEtag = jwks.etag!;
    expect((await getJwks({ "if-none-match": firstEtag })).status).toBe(304);

    firstToken = await accessToken();
    expect(decodeProtectedHeader(firstToken).kid).toBe(firstKid);
    await verify(firstToken);
  });

  it("after promote-now signs with the new key, publishes both, and changes the ETag", async () => {
    const started = Date.now();
    const rotated = await rotate();
    expect(rotated.primary_kid).not.toBe(firstKid);
    const previous = rotated.keys.find((k) => k.kid === firstKid)!;
    expect(previous.state).toBe("secondary");
    const retireAt = Date.parse(previous.retire_at);
    // the longest access-token lifetime in the track plus five minutes' leeway
    expect(retireAt).toBeGreaterThanOrEqual(started - 1000 + (LIFETIME_S + 300) * 1000);
    expect(retireAt).toBeLessThanOrEqual(Date.now() + (LIFETIME_S + 300) * 1000);
    expect(JSON.stringify(rotated)).not.toMatch(/PRIVATE|privateKey|"d":/);

    const jwks = await getJwks();
    expect(jwks.body!.keys.map((k) => k.kid)).toEqual([rotated.primary_kid, firstKid]);
    expect(jwks.etag).not.toBe(firstEtag);
    expect((await getJwks({ "if-none-match": firstEtag })).status).toBe(200);

    const secondToken = await accessToken();
    expect(decodeProtectedHeader(secondToken).kid).toBe(rotated.primary_kid);
    await verify(secondToken);
    // a token signed by the previous key still validates while that key is published
    const { payload } = await verify(firstToken);
    expect(payload.client_id).toBe("svc");
  });

  it("a changed track algorithm takes effect at the next rotation (here promote-now)", async () => {
    const current = await api(`/${tenant}/tracks/${track}`, { token });
    const patched = await api(`/${tenant}/tracks/${track}`, {
      method: "PATCH",
      token,
      body: { signing_algorithm: "ES256", version: current.body.version },
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    const stillRsa = await accessToken();
    expect(decodeProtectedHeader(stillRsa).alg).toBe("RS256");

    const rotated = await rotate();
    const jwks = await getJwks();
    expect(jwks.body!.keys.map((k) => [k.kty, k.alg])).toEqual([
      ["EC", "ES256"],
      ["RSA", "RS256"],
      ["RSA", "RS256"],
    ]);
    const ecToken = await accessToken();
    expect(decodeProtectedHeader(ecToken)).toMatchObject({ alg: "ES256", kid: rotated.primary_kid });
    await verify(ecToken);
    await verify(stillRsa);
    await verify(firstToken);

    const list = await api(`${base}/signing-keys`, { token });
    expect(list.body.data.map((k: { state: string }) => k.state)).toEqual(["primary", "secondary", "secondary"]);
  });

  it("the track's other routes agree: discovery names the JWKS, and the party-scoped JWKS is the same set", async () => {
    const disc = await (await fetch(`${issuer}.well-known/openid-configuration`)).json();
    expect(disc.jwks_uri).toBe(jwksUrl());
    const partyJwks = await (await fetch(`${issuer}svc/.well-known/openid-configuration/keys`)).json();
    expect(partyJwks).toEqual((await getJwks()).body);
  });
});
