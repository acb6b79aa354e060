import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, master, tokenEndpoint, uniqueName } from "../../support/fennec";
import { postToken } from "../../support/token";

// README "Admin users and roles": /api/control/admin-users (every tenant, all-tenant callers only) and
// /api/control/{tenant}/admin-users (one tenant). Passwords are never returned but once, never audited.

let token: string;
let tenantToken: string;
const mine = uniqueName("users");
const other = uniqueName("users-other");
const email = (p: string) => `${p}-${randomBytes(4).toString("hex")}@example.com`;
const strong = () => `Fennec ${randomBytes(9).toString("base64url")} pass`;

beforeAll(async () => {
  token = await master();
  for (const name of [mine, other]) expect((await api("/tenants", { method: "POST", token, body: { name } })).status).toBe(201);
  const client = await api(`/${mine}/master/parties`, {
    method: "POST",
    token,
    body: { name: "people", client: { resource_scopes: [{ resource: "control_api", scopes: ["tenant"] }] } },
  });
  expect(client.status, JSON.stringify(client.body)).toBe(201);
  const t = await postToken(tokenEndpoint(mine, "master"), { grant_type: "client_credentials", client_id: "people", client_secret: client.body.secret, scope: "control_api:tenant" });
  tenantToken = t.body.access_token;
});

describe("creating administrators", () => {
  it("a one-time password is returned once, no-store, and must be changed; a set one is not returned", async () => {
    const created = await api("/admin-users", { method: "POST", token, body: { email: email("Viewer").toUpperCase(), role: "viewer", tenant: null } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    expect(created.body.one_time_password).toMatch(/^[\w-]{24}$/);
    expect(created.body.user).toMatchObject({ role: "viewer", tenant: null, disabled: false, must_change_password: true, last_sign_in_at: null });
    expect(created.body.user.email).toBe(created.body.user.email.toLowerCase());
    expect(created.headers.get("location")).toBe(`/api/control/admin-users/${created.body.user.id}`);

    const got = await api(`/admin-users/${created.body.user.id}`, { token });
    expect(got.status).toBe(200);
    expect(JSON.stringify(got.body)).not.toContain(created.body.one_time_password);
    expect(JSON.stringify(got.body)).not.toMatch(/argon2|password_hash/i);

    const password = strong();
    const set = await api(`/${mine}/admin-users`, { method: "POST", token, body: { email: email("admin"), role: "admin", password } });
    expect(set.status, JSON.stringify(set.body)).toBe(201);
    expect(set.body).toMatchObject({ one_time_password: null, user: { tenant: mine, role: "admin", must_change_password: false } });

    const audit = await api(`/${mine}/audit?target_type=admin_user`, { token });
    expect(audit.body.data[0]).toMatchObject({ action: "admin_user.create", target_name: set.body.user.email });
    expect(JSON.stringify(audit.body)).not.toContain(password);
  });

  it("refuses short, common and e-mail-derived passwords, a taken e-mail, a bad role, each with a 422 or 409 naming the field", async () => {
    const who = email("jane.doe");
    for (const password of ["short-pw", "password1234", who, `${who.split("@")[0]}2026`]) {
      const r = await api(`/${mine}/admin-users`, { method: "POST", token, body: { email: who, role: "admin", password } });
      expectProblem(r, 422);
      expect(r.body.errors[0].field).toBe("password");
      expect(JSON.stringify(r.body)).not.toContain(password);
    }
    const bad = await api(`/${mine}/admin-users`, { method: "POST", token, body: { email: "not an address", role: "owner" } });
    expectProblem(bad, 422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(["email", "role"]);

    expect((await api(`/${mine}/admin-users`, { method: "POST", token, body: { email: who, role: "viewer" } })).status).toBe(201);
    expectProblem(await api(`/${mine}/admin-users`, { method: "POST", token, body: { email: who.toUpperCase(), role: "admin" } }), 409);
    expectProblem(await api(`/${mine}/admin-users`, { method: "POST", token, body: "{" , headers: { "content-type": "application/json" } }), 400);
  });
});

describe("tenant scope", () => {
  it("a tenant-scoped caller manages its own tenant's administrators only", async () => {
    const own = await api(`/${mine}/admin-users`, { method: "POST", token: tenantToken, body: { email: email("own"), role: "admin" } });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.user.tenant).toBe(mine);
    const list = await api(`/${mine}/admin-users`, { token: tenantToken });
    expect(list.status).toBe(200);
    expect(list.body.data.every((u: { tenant: string }) => u.tenant === mine)).toBe(true);

    const elsewhere = await api(`/${other}/admin-users`, { method: "POST", token, body: { email: email("else"), role: "admin" } });
    expect(elsewhere.status).toBe(201);
    const id = elsewhere.body.user.id;
    // Every tenant's list, another tenant's, and another tenant's user through its own path: refused or not found.
    expectProblem(await api("/admin-users", { token: tenantToken }), 403);
    expectProblem(await api("/admin-users", { method: "POST", token: tenantToken, body: { email: email("x"), role: "admin" } }), 403);
    expectProblem(await api(`/${other}/admin-users`, { token: tenantToken }), 403);
    expectProblem(await api(`/${mine}/admin-users/${id}`, { token: tenantToken }), 404);
    expectProblem(await api(`/${mine}/admin-users/${id}`, { method: "DELETE", token: tenantToken }), 404);
    expectProblem(await api(`/${mine}/admin-users/${id}/reset-password`, { method: "POST", token: tenantToken }), 404);
    // No all-tenant account, nor one for another tenant, through a tenant's path.
    const escalate = await api(`/${mine}/admin-users`, { method: "POST", token: tenantToken, body: { email: email("esc"), role: "admin", tenant: other } });
    expectProblem(escalate, 422);
    expect(escalate.body.errors[0].field).toBe("tenant");
    expect((await api(`/admin-users/${id}`, { token })).body.tenant).toBe(other);
  });
});

describe("disable, reset, delete", () => {
  it("disables and enables, resets to a new one-time password, deletes; each audited", async () => {
    const created = await api(`/${mine}/admin-users`, { method: "POST", token, body: { email: email("cycle"), role: "viewer", password: strong() } });
    const id = created.body.user.id;
    const off = await api(`/${mine}/admin-users/${id}`, { method: "PATCH", token, body: { disabled: true } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.disabled).toBe(true);
    expect((await api(`/${mine}/admin-users/${id}`, { method: "PATCH", token, body: { disabled: false } })).body.disabled).toBe(false);
    expectProblem(await api(`/${mine}/admin-users/${id}`, { method: "PATCH", token, body: { disabled: "yes" } }), 422);

    const reset = await api(`/${mine}/admin-users/${id}/reset-password`, { method: "POST", token });
    expect(reset.status).toBe(200);
    expect(reset.headers.get("cache-control")).toBe("no-store");
    expect(reset.body.user.must_change_password).toBe(true);
    expect(reset.body.one_time_password).toMatch(/^[\w-]{24}$/);

    expect((await api(`/${mine}/admin-users/${id}`, { method: "DELETE", token })).status).toBe(204);
    expectProblem(await api(`/${mine}/admin-users/${id}`, { token }), 404);
    expectProblem(await api(`/${mine}/admin-users/not-a-uuid`, { token }), 404);

    const audit = await api(`/${mine}/audit?target_name=${encodeURIComponent(created.body.user.email)}`, { token });
    expect(audit.body.data.map((e: { action: string }) => e.action)).toEqual([
      "admin_user.delete",
      "admin_user.reset_password",
      "admin_user.enable",
      "admin_user.disable",
      "admin_user.create",
    ]);
    expect(JSON.stringify(audit.body)).not.toContain(reset.body.one_time_password);
  });

  it("pages through the list with a cursor and refuses a forged one", async () => {
    const filter = uniqueName("page");
    for (let i = 0; i < 3; i++) await api(`/${other}/admin-users`, { method: "POST", token, body: { email: `${filter}-${i}@example.com`, role: "viewer" } });
    const first = await api(`/admin-users?filter=${filter}&page_size=2`, { token });
    expect(first.body.data).toHaveLength(2);
    const second = await api(`/admin-users?filter=${filter}&page_size=2&cursor=${first.body.next_cursor}`, { token });
    expect(second.body).toMatchObject({ data: [{ email: `${filter}-2@example.com` }], next_cursor: null });
    expectProblem(await api(`/admin-users?cursor=${Buffer.from("x y").toString("base64url")}`, { token }), 422);
  });
});
