import { beforeAll, describe, expect, it } from "vitest";
import { generateKeyPairSync } from "node:crypto";
import { api, expectProblem, master, tokenEndpoint, uniqueName } from "../../support/fennec";
import { postToken } from "../../support/token";

// A tenant administrator of `master` (control_api:tenant from master/master) manages master/master's
// parties, but must not be able to reach every tenant: it may not grant control_api:master, nor change,
// take over or delete a client that holds it.

let masterToken: string;
let tenantAdminToken: string;
const tenantAdmin = uniqueName("master-ops");
const privileged = uniqueName("all-tenant-bot");
let victimTenant: string;

const grant = (scopes: string[]) => ({ resource_scopes: [{ resource: "control_api", scopes }] });

beforeAll(async () => {
  masterToken = await master();
  victimTenant = uniqueName("victim");
  expect((await api("/tenants", { method: "POST", token: masterToken, body: { name: victimTenant } })).status).toBe(201);
  const admin = await api("/master/master/parties", { method: "POST", token: masterToken, body: { name: tenantAdmin, client: grant(["tenant"]) } });
  expect(admin.status, JSON.stringify(admin.body)).toBe(201);
  const bot = await api("/master/master/parties", { method: "POST", token: masterToken, body: { name: privileged, client: grant(["master"]) } });
  expect(bot.status, JSON.stringify(bot.body)).toBe(201);
  const t = await postToken(tokenEndpoint("master", "master"), {
    grant_type: "client_credentials",
    client_id: tenantAdmin,
    client_secret: admin.body.secret,
    scope: "control_api:tenant",
  });
  expect(t.status, JSON.stringify(t.body)).toBe(200);
  tenantAdminToken = t.body.access_token;
});

describe("a tenant administrator of master", () => {
  it("still manages ordinary parties of master/master", async () => {
    const name = uniqueName("plain");
    const r = await api("/master/master/parties", { method: "POST", token: tenantAdminToken, body: { name, client: grant(["tenant"]) } });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect((await api(`/master/master/parties/${name}/secrets`, { method: "POST", token: tenantAdminToken, body: {} })).status).toBe(201);
    expect((await api(`/master/master/parties/${name}`, { method: "DELETE", token: tenantAdminToken })).status).toBe(204);
  });

  it("cannot grant control_api:master, to a new client or to itself", async () => {
    const created = await api("/master/master/parties", {
      method: "POST",
      token: tenantAdminToken,
      body: { name: uniqueName("escalate"), client: grant(["master"]) },
    });
    expectProblem(created, 403);
    const self = await api(`/master/master/parties/${tenantAdmin}`, {
      method: "PUT",
      token: tenantAdminToken,
      body: { name: tenantAdmin, client: grant(["master", "tenant"]) },
    });
    expectProblem(self, 403);
    const after = await api(`/master/master/parties/${tenantAdmin}`, { token: masterToken });
    expect(after.body.client.resource_scopes).toEqual([{ resource: "control_api", scopes: ["tenant"] }]);
  });

  it("cannot take over a client that holds control_api:master", async () => {
    const base = `/master/master/parties/${privileged}`;
    expectProblem(await api(`${base}/secrets`, { method: "POST", token: tenantAdminToken, body: {} }), 403);
    expectProblem(await api(`${base}/keys`, { method: "POST", token: tenantAdminToken, body: { jwk: generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" }) } }), 403);
    expectProblem(await api(base, { method: "PUT", token: tenantAdminToken, body: { name: privileged, client: grant(["tenant"]) } }), 403);
    expectProblem(await api(base, { method: "PUT", token: tenantAdminToken, body: { name: uniqueName("renamed"), client: grant(["master"]) } }), 403);
    const secrets = await api(`${base}/secrets`, { token: masterToken });
    expect(secrets.body.data).toHaveLength(1);
    const secretId = secrets.body.data[0].id;
    expectProblem(await api(`${base}/secrets/${secretId}`, { method: "DELETE", token: tenantAdminToken }), 403);
    expectProblem(await api(base, { method: "DELETE", token: tenantAdminToken }), 403);
    expect((await api(base, { token: masterToken })).status).toBe(200);
  });

  it("cannot change the audience of the Control API resource", async () => {
    const r = await api("/master/master/parties/control_api", {
      method: "PUT",
      token: tenantAdminToken,
      body: { name: "control_api", resource: { scopes: ["master", "tenant"], audience: "https://elsewhere.example" } },
    });
    expectProblem(r, 422);
    expect(r.body.errors[0].field).toBe("resource.audience");
  });

  it("so it never reaches another tenant", async () => {
    expectProblem(await api(`/tenants/${victimTenant}`, { method: "DELETE", token: tenantAdminToken }), 403);
    expect((await api(`/tenants/${victimTenant}`, { token: masterToken })).status).toBe(200);
  });
});

describe("an all-tenant actor", () => {
  it("may grant control_api:master and manage the clients that hold it", async () => {
    const name = uniqueName("second-bot");
    expect((await api("/master/master/parties", { method: "POST", token: masterToken, body: { name, client: grant(["master"]) } })).status).toBe(201);
    expect((await api(`/master/master/parties/${name}/secrets`, { method: "POST", token: masterToken, body: {} })).status).toBe(201);
    expect((await api(`/master/master/parties/${name}`, { method: "DELETE", token: masterToken })).status).toBe(204);
  });
});
