import { beforeAll, describe, expect, it } from "vitest";
import { problemSchema } from "@/lib/validation/views";
import { api, expectProblem, master, tokenEndpoint, uniqueName } from "../../support/fennec";
import { decodePayload, postToken } from "../../support/token";

// Every error status of the Control API, each as RFC 9457 problem+json.

let token: string;
const tenant = uniqueName("errs");

beforeAll(async () => {
  token = await master();
  const r = await api("/tenants", { method: "POST", token, body: { name: tenant } });
  expect(r.status).toBe(201);
  const p = await api(`/${tenant}/master/parties`, { method: "POST", token, body: { name: "api1", resource: { scopes: ["read"] } } });
  expect(p.status).toBe(201);
});

describe("Control API errors", () => {
  it("401 with WWW-Authenticate: Bearer for no token, a malformed one and a tampered one", async () => {
    const none = await api("/tenants");
    expectProblem(none, 401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer realm=/);

    const garbage = await api("/tenants", { token: "not-a-jwt" });
    expectProblem(garbage, 401);
    expect(garbage.headers.get("www-authenticate")).toMatch(/^Bearer .*error="invalid_token"/);

    const [h, p, s] = token.split(".");
    const claims = JSON.parse(Buffer.from(p, "base64url").toString());
    const forged = [h, Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 3600 })).toString("base64url"), s].join(".");
    const tampered = await api("/tenants", { token: forged });
    expectProblem(tampered, 401);
    expect(tampered.body.detail).toMatch(/signature/);

    const basic = await api("/tenants", { headers: { authorization: `Basic ${Buffer.from("a:b").toString("base64")}` } });
    expectProblem(basic, 401);
  });

  it("401 for a token for another audience (a client's own token is not a Control API token)", async () => {
    // a client of the tenant's master track (the Control API's issuer) with a token for resource api1
    const client = await api(`/${tenant}/master/parties`, {
      method: "POST",
      token,
      body: { name: "aud-client", client: { resource_scopes: [{ resource: "api1", scopes: ["read"] }] } },
    });
    expect(client.status, JSON.stringify(client.body)).toBe(201);
    const issued = await postToken(tokenEndpoint(tenant, "master"), { grant_type: "client_credentials", client_id: "aud-client", client_secret: client.body.secret, scope: "api1:read" });
    expect(issued.status, issued.text).toBe(200);
    expect(decodePayload(issued.body.access_token).aud).toBe("api1");
    const r = await api(`/${tenant}/master/parties`, { token: issued.body.access_token });
    expectProblem(r, 401);
    expect(r.body.detail).toBe("The access token is not accepted: token aud claim is not valid.");
  });

  it("400 for malformed JSON", async () => {
    const r = await api("/tenants", { method: "POST", token, body: '{"name": "x",', headers: { "content-type": "application/json" } });
    expectProblem(r, 400);
    expect(r.body.detail).toMatch(/not valid JSON/);
  });

  it("404 for an unknown tenant, track, party, secret and key", async () => {
    expectProblem(await api("/tenants/no-such-tenant", { token }), 404);
    expectProblem(await api(`/${tenant}/tracks/nope`, { token }), 404);
    const party = await api(`/${tenant}/master/parties/nope`, { token });
    expectProblem(party, 404);
    expect(party.body.detail).toBe(`Party 'nope' not found in track '${tenant}/master'.`);
    const client = await api(`/${tenant}/master/parties`, { method: "POST", token, body: { name: "c404", client: {} } });
    expect(client.status).toBe(201);
    expectProblem(await api(`/${tenant}/master/parties/c404/secrets/00000000-0000-0000-0000-000000000000`, { method: "DELETE", token }), 404);
    expectProblem(await api(`/${tenant}/master/parties/c404/secrets/not-a-uuid`, { method: "DELETE", token }), 404);
    expectProblem(await api(`/${tenant}/master/parties/c404/keys/no-kid`, { method: "DELETE", token }), 404);
  });

  it("409 for a name taken, and for deleting what must stay", async () => {
    const again = await api("/tenants", { method: "POST", token, body: { name: tenant.toUpperCase() } });
    expectProblem(again, 409);
    expect(again.body.detail).toBe(`Tenant '${tenant}' already exists.`);
    expectProblem(await api(`/${tenant}/master/parties`, { method: "POST", token, body: { name: "API1", resource: { scopes: ["x"] } } }), 409);
    expectProblem(await api("/tenants/master", { method: "DELETE", token }), 409);
    expectProblem(await api(`/${tenant}/tracks/master`, { method: "DELETE", token }), 409);
    expectProblem(await api(`/${tenant}/master/parties/control_api`, { method: "DELETE", token }), 409);
  });

  it("412 when If-Match or the body's version is stale; ETag tracks the version", async () => {
    const got = await api(`/${tenant}/master/parties/api1`, { token });
    expect(got.headers.get("etag")).toBe(`"${got.body.version}"`);
    const body = { name: "api1", resource: { scopes: ["read", "write"] } };
    const ok = await api(`/${tenant}/master/parties/api1`, { method: "PUT", token, body, headers: { "if-match": got.headers.get("etag")! } });
    expect(ok.status).toBe(200);
    const stale = await api(`/${tenant}/master/parties/api1`, { method: "PUT", token, body, headers: { "if-match": got.headers.get("etag")! } });
    expectProblem(stale, 412);
    expectProblem(await api(`/${tenant}/master/parties/api1`, { method: "PUT", token, body: { ...body, version: 1 } }), 412);
    const track = await api(`/${tenant}/tracks/master`, { method: "PATCH", token, body: { display_name: "X" }, headers: { "if-match": '"999"' } });
    expectProblem(track, 412);
  });

  it("concurrent writes: one PUT wins per version, one create wins per name, and nothing answers 500", async () => {
    const got = await api(`/${tenant}/master/parties/api1`, { token });
    const etag = got.headers.get("etag")!;
    const puts = await Promise.all(
      ["a", "b", "c"].map((s) =>
        api(`/${tenant}/master/parties/api1`, { method: "PUT", token, headers: { "if-match": etag }, body: { name: "api1", resource: { scopes: ["read", s] } } }),
      ),
    );
    expect(puts.map((r) => r.status).sort()).toEqual([200, 412, 412]);
    const name = uniqueName("race");
    const creates = await Promise.all([1, 2, 3].map(() => api("/tenants", { method: "POST", token, body: { name } })));
    expect(creates.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect((await api(`/tenants/${name}`, { method: "DELETE", token })).status).toBe(204);
  });

  it("413 for a body over the cap", async () => {
    const big = JSON.stringify({ name: "big", display_name: "x".repeat(300 * 1024) });
    const r = await api(`/${tenant}/master/parties`, { method: "POST", token, body: big, headers: { "content-type": "application/json" } });
    expectProblem(r, 413);
  });

  it("415 for a body that is not JSON", async () => {
    const r = await api("/tenants", { method: "POST", token, body: "name=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expectProblem(r, 415);
    const keys = await api(`/${tenant}/master/parties/c404/keys`, { method: "POST", token, body: "x", headers: { "content-type": "text/plain" } });
    expectProblem(keys, 415);
  });

  it("422 with a per-field list", async () => {
    const r = await api(`/${tenant}/master/parties`, {
      method: "POST",
      token,
      body: { name: "bad name!", resource: { scopes: ["ok", "ok"] }, client: { auth_method: "client_secret_jwt", access_token_lifetime: 10 } },
    });
    expectProblem(r, 422);
    const problem = problemSchema.parse(r.body);
    expect(problem.errors!.map((e) => e.field).sort()).toEqual([
      "client.access_token_lifetime",
      "client.auth_method",
      "name",
      "resource.scopes.1",
    ]);
    expect(problem.errors!.find((e) => e.field === "name")).toMatchObject({ pointer: "#/name", detail: expect.stringMatching(/letters, digits/) });
    expectProblem(await api("/tenants", { method: "POST", token, body: { name: "api" } }), 422);
    expectProblem(await api(`/${tenant}/master/parties?page_size=9999`, { token }), 422);
  });

  it("no stack trace and no 500 for a hostile path or cursor", async () => {
    expectProblem(await api(`/${tenant}/master/parties?cursor=%%%`, { token }), 422);
    expectProblem(await api(`/${"x".repeat(300)}/master/parties`, { token }), 404);
    expectProblem(await api(`/%25/tracks`, { token }), 404);
  });
});
