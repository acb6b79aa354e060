import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, master, tokenEndpoint, uniqueName } from "../../support/fennec";
import { decodePayload, postToken } from "../../support/token";

// FoxIDs' model: a client in tenant T's master track granted control_api:tenant manages T only.

let token: string;
let tenantToken: string;
const mine = uniqueName("mine");
const other = uniqueName("other");

beforeAll(async () => {
  token = await master();
  for (const name of [mine, other]) expect((await api("/tenants", { method: "POST", token, body: { name } })).status).toBe(201);
  const client = await api(`/${mine}/master/parties`, {
    method: "POST",
    token,
    body: { name: "automation", client: { resource_scopes: [{ resource: "control_api", scopes: ["tenant"] }] } },
  });
  expect(client.status, JSON.stringify(client.body)).toBe(201);
  const t = await postToken(tokenEndpoint(mine, "master"), {
    grant_type: "client_credentials",
    client_id: "automation",
    client_secret: client.body.secret,
    scope: "control_api:tenant",
  });
  expect(t.status, JSON.stringify(t.body)).toBe(200);
  tenantToken = t.body.access_token;
});

describe("a tenant-scoped Control API token", () => {
  it("manages its own tenant", async () => {
    expect(decodePayload(tenantToken)).toMatchObject({ aud: "control_api", scope: "control_api:tenant" });
    const track = await api(`/${mine}/tracks`, { method: "POST", token: tenantToken, body: { name: "test" } });
    expect(track.status, JSON.stringify(track.body)).toBe(201);
    const list = await api("/tenants", { token: tenantToken });
    expect(list.body.data.map((t: { name: string }) => t.name)).toEqual([mine]);
    const audit = await api(`/${mine}/audit?action=track.create`, { token: tenantToken });
    expect(audit.body.data[0]).toMatchObject({ actor: "automation", actor_type: "client", target_name: "test" });
  });

  it("cannot touch another tenant, the master tenant, or create and delete tenants", async () => {
    expectProblem(await api(`/${other}/tracks`, { token: tenantToken }), 403);
    expectProblem(await api(`/${other}/master/parties`, { method: "POST", token: tenantToken, body: { name: "x", client: {} } }), 403);
    expectProblem(await api(`/tenants/${other}`, { token: tenantToken }), 403);
    expectProblem(await api(`/master/master/parties`, { token: tenantToken }), 403);
    expectProblem(await api("/tenants", { method: "POST", token: tenantToken, body: { name: uniqueName("new") } }), 403);
    expectProblem(await api(`/tenants/${mine}`, { method: "DELETE", token: tenantToken }), 403);
    expectProblem(await api(`/no-such-tenant/tracks`, { token: tenantToken }), 403);
  });

  it("a control_api token with neither scope is refused with 403 insufficient_scope", async () => {
    const c = await api(`/${mine}/master/parties`, {
      method: "POST",
      token,
      body: { name: "no-scope", client: { resource_scopes: [{ resource: "control_api", scopes: [] }] } },
    });
    expect(c.status).toBe(201);
    const t = await postToken(tokenEndpoint(mine, "master"), {
      grant_type: "client_credentials",
      client_id: "no-scope",
      client_secret: c.body.secret,
      scope: "control_api",
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    expect(decodePayload(t.body.access_token).aud).toBe("control_api");
    const r = await api(`/${mine}/tracks`, { token: t.body.access_token });
    expectProblem(r, 403);
    expect(r.headers.get("www-authenticate")).toMatch(/insufficient_scope/);
  });

  it("the tenant's Control API resource keeps its scope", async () => {
    const r = await api(`/${mine}/master/parties/control_api`, {
      method: "PUT",
      token,
      body: { name: "control_api", resource: { scopes: ["other"] } },
    });
    expectProblem(r, 422);
    expect(r.body.errors[0].field).toBe("resource.scopes");
  });
});
