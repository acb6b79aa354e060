import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, master, uniqueName } from "../../support/fennec";
import { makePfx } from "../../support/client-keys";

// Key uploads in each accepted form, and the FoxIDs limits of 10 secrets and 4 keys per client.

let token: string;
const tenant = uniqueName("keys");
const party = `/${tenant}/master/parties/svc`;

beforeAll(async () => {
  token = await master();
  expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
  const c = await api(`/${tenant}/master/parties`, { method: "POST", token, body: { name: "svc", client: { auth_method: "private_key_jwt" } } });
  expect(c.status).toBe(201);
});

describe("client keys", () => {
  it("accepts a PEM certificate as JSON, a public JWK, and a base64 pfx; refuses a secret JWK", async () => {
    const { certPem: certificatePem } = makePfx("x", "pem-cert");
    const pem = await api(`${party}/keys`, { method: "POST", token, body: { certificate: certificatePem } });
    expect(pem.status, JSON.stringify(pem.body)).toBe(201);
    expect(pem.body).toMatchObject({ subject: expect.stringContaining("pem-cert"), not_after: expect.any(String) });

    const jwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });
    const pub = await api(`${party}/keys`, { method: "POST", token, body: { jwk } });
    expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    expect(pub.body).toMatchObject({ kty: "EC", subject: null, "x5t#S256": null });

    const { pfx } = makePfx("pw", "json-pfx");
    const p = await api(`${party}/keys`, { method: "POST", token, body: { pfx: pfx.toString("base64"), password: "pw" } });
    expect(p.status, JSON.stringify(p.body)).toBe(201);

    const secretJwk = await api(`${party}/keys`, { method: "POST", token, body: { jwk: { kty: "oct", k: "c2VjcmV0" } } });
    expectProblem(secretJwk, 422);
    expect(secretJwk.body.errors[0].field).toBe("jwk");

    const both = await api(`${party}/keys`, { method: "POST", token, body: { jwk, certificate: certificatePem } });
    expectProblem(both, 422);
  });

  it("keeps at most 4 keys; a deleted key is gone", async () => {
    const fourth = await api(`${party}/keys`, { method: "POST", token, body: { certificate: makePfx("x", "fourth").certPem } });
    expect(fourth.status).toBe(201);
    const fifth = await api(`${party}/keys`, { method: "POST", token, body: { certificate: makePfx("x", "fifth").certPem } });
    expectProblem(fifth, 409);
    expect(fifth.body.detail).toMatch(/at most 4 keys/);

    const del = await api(`${party}/keys/${encodeURIComponent(fourth.body.kid)}`, { method: "DELETE", token });
    expect(del.status).toBe(204);
    const list = await api(`${party}/keys`, { token });
    expect(list.body.data).toHaveLength(3);
    expect(list.body.data.map((k: { kid: string }) => k.kid)).not.toContain(fourth.body.kid);
  });
});

describe("client secrets", () => {
  it("keeps at most 10; expiry must be in the future; a resource-only party has none", async () => {
    const past = await api(`${party}/secrets`, { method: "POST", token, body: { expires_at: "2020-01-01T00:00:00Z" } });
    expectProblem(past, 422);
    expect(past.body.errors[0].field).toBe("expires_at");

    const expires = new Date(Date.now() + 86_400_000).toISOString();
    const first = await api(`${party}/secrets`, { method: "POST", token, body: { expires_at: expires } });
    expect(first.status).toBe(201);
    expect(first.body.expires_at).toBe(expires);
    for (let i = 1; i < 10; i++) expect((await api(`${party}/secrets`, { method: "POST", token })).status).toBe(201);
    const eleventh = await api(`${party}/secrets`, { method: "POST", token });
    expectProblem(eleventh, 409);
    expect(eleventh.body.detail).toMatch(/at most 10 secrets/);

    const list = await api(`${party}/secrets`, { token });
    expect(list.body.data).toHaveLength(10);
    expect(JSON.stringify(list.body)).not.toMatch(/"secret"|"hash"|argon2/);

    const res = await api(`/${tenant}/master/parties`, { method: "POST", token, body: { name: "res", resource: { scopes: ["a"] } } });
    expect(res.status).toBe(201);
    expectProblem(await api(`/${tenant}/master/parties/res/secrets`, { method: "POST", token }), 409);
  });

  it("removing the client part of a party deletes its secrets and keys", async () => {
    const got = await api(party, { token });
    const put = await api(party, { method: "PUT", token, body: { name: "svc", resource: { scopes: ["x"] }, version: got.body.version } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.body).toMatchObject({ kind: "resource", client: null });
    const back = await api(party, { method: "PUT", token, body: { name: "svc", resource: { scopes: ["x"] }, client: {} } });
    expect(back.body.client).toMatchObject({ secret_count: 0, key_count: 0 });
  });
});
