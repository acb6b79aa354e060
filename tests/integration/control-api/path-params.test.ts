import { generateKeyPairSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, master, sharedServer, uniqueName } from "../../support/fennec";
import { raw as rawHttp } from "../../support/http";

// A path parameter names one object of its own kind: a dot segment, an encoded slash, a second decoding
// or a control character never reaches another object (or a 500).

let token: string;
const tenant = uniqueName("paths");
const parties = `/api/control/${tenant}/master/parties`;

/** The path goes as written (fetch would resolve the dot segments first). */
async function rawRequest(method: string, path: string, headers: Record<string, string> = {}) {
  const r = await rawHttp(sharedServer().url, method, path, { headers });
  return { status: r.status, headers: r.headers, text: r.body };
}

async function raw(method: string, path: string) {
  const r = await rawRequest(method, path, { authorization: `Bearer ${token}` });
  return { ...r, body: r.text ? (JSON.parse(r.text) as Record<string, unknown>) : null };
}

function expectRawProblem(r: Awaited<ReturnType<typeof raw>>, status: number) {
  expect(r.status, r.text).toBe(status);
  expect(r.headers["content-type"]).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status });
}

beforeAll(async () => {
  token = await master();
  expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
  for (const name of ["alpha", "beta", "other", "kids"]) {
    expect((await api(`/${tenant}/master/parties`, { method: "POST", token, body: { name, client: {} } })).status).toBe(201);
  }
});

describe("dot segments in a Control API path", () => {
  it.each(["%2e%2e", "%2E%2E", ".%2e", "%2e.", "..", "%2e", "."])("DELETE …/parties/alpha/keys/%s is refused and alpha stays", async (seg) => {
    const r = await raw("DELETE", `${parties}/alpha/keys/${seg}`);
    expectRawProblem(r, 400);
    expect((await api(`/${tenant}/master/parties/alpha`, { token })).status).toBe(200);
  });

  it("GET …/alpha/secrets/%2E%2E/%2E%2E/other does not answer with party other", async () => {
    const r = await raw("GET", `${parties}/alpha/secrets/%2E%2E/%2E%2E/other`);
    expectRawProblem(r, 400);
    expect(r.text).not.toContain('"name":"other"');
  });
});

describe("dot segments on the protocol routes and the UI", () => {
  it.each([
    ["POST", "/master/master/someone/%2e%2e/oauth/token", "application/json"],
    ["GET", "/master/%2E%2E/master/master/.well-known/openid-configuration", "application/json"],
    ["GET", "/.well-known/oauth-authorization-server/x/../master/master", "application/json"],
    ["GET", "/control/master/%2e%2e/master/applications", "text/plain"],
    ["GET", "/control\\..\\signin", "text/plain"],
  ])("%s %s is a 400 in the format of its part of Fennec", async (method, path, type) => {
    const r = await rawRequest(method, path);
    expect(r.status, r.text).toBe(400);
    expect(r.headers["content-type"]).toContain(type);
    if (type === "application/json") expect(JSON.parse(r.text)).toMatchObject({ error: "invalid_request" });
  });
});

describe("path parameters", () => {
  it("are decoded once: %2562eta is not beta", async () => {
    const r = await raw("GET", `${parties}/%2562eta`);
    expect(r.status).toBe(404);
    expect(r.text).not.toContain('"name":"beta"');
  });

  it.each([
    ["DELETE", "/alpha/keys/a%2Fb"],
    ["DELETE", "/alpha/keys/a%5Cb"],
    ["DELETE", "/alpha/keys/a%00b"],
    ["DELETE", "/alpha/keys/a%0Ab"],
    ["GET", "/a%00b"],
    ["GET", "/alpha%2F..%2Fbeta"],
    ["DELETE", "/alpha/secrets/%00"],
  ])("%s …/parties%s is a 400 problem, never a 500", async (method, path) => {
    expectRawProblem(await raw(method, `${parties}${path}`), 400);
  });

  it("a tenant or track name outside the name grammar is not found", async () => {
    expectProblem(await api(`/${tenant}/ma%C3%9Fter/parties`, { token }), 404);
    expectProblem(await api(`/tenants/${tenant}%20x`, { token }), 404);
  });
});

describe("client key ids", () => {
  const jwk = () => generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });

  it.each(["..", ".", "...", "a/b", "a\\b", "a b", "k%2e", "a?b"])("a JWK with kid %j is refused at upload (422)", async (kid) => {
    const r = await api(`/${tenant}/master/parties/kids/keys`, { method: "POST", token, body: { jwk: { ...jwk(), kid } } });
    expectProblem(r, 422);
    expect(r.body.errors[0]).toMatchObject({ field: "jwk", detail: expect.stringMatching(/kid/) });
  });

  it("a kid of letters, digits and . _ ~ + = : - is accepted and deletes by its path", async () => {
    const kid = "key-1.v2_~+=:x";
    const r = await api(`/${tenant}/master/parties/beta/keys`, { method: "POST", token, body: { jwk: { ...jwk(), kid } } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.kid).toBe(kid);
    expect((await api(`/${tenant}/master/parties/beta/keys/${encodeURIComponent(kid)}`, { method: "DELETE", token })).status).toBe(204);
  });
});
