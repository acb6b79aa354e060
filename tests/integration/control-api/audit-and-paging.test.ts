import { describe, expect, it } from "vitest";
import { api, expectProblem, master, uniqueName } from "../../support/fennec";

const cursor = (v: string) => Buffer.from(v, "utf8").toString("base64url");

describe("audit log", () => {
  it("belongs to the tenant, not its name: a tenant deleted and created again starts with an empty trail", async () => {
    const token = await master();
    const tenant = uniqueName("reborn");
    expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
    expect((await api(`/${tenant}/tracks`, { method: "POST", token, body: { name: "old-track" } })).status).toBe(201);
    const before = await api(`/${tenant}/audit`, { token });
    expect(before.body.data.map((e: { action: string }) => e.action)).toEqual(["track.create", "tenant.create"]);

    expect((await api(`/tenants/${tenant}`, { method: "DELETE", token })).status).toBe(204);
    expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
    const after = await api(`/${tenant}/audit`, { token });
    expect(after.status).toBe(200);
    expect(after.body.data).toHaveLength(1);
    expect(after.body.data[0]).toMatchObject({ action: "tenant.create", tenant, target_name: tenant });
    expect(JSON.stringify(after.body)).not.toContain("old-track");
  });
});

describe("paging inputs", () => {
  it.each([
    ["a cursor that is not base64url", "!!"],
    ["an audit cursor whose id part is not a uuid", cursor("2026-01-01T00:00:00.000Z|nope")],
    ["an audit cursor whose time part is not a time", cursor("yesterday|00000000-0000-0000-0000-000000000000")],
    ["an audit cursor with a year PostgreSQL cannot hold", cursor("-271821-04-20T00:00:00.000Z|00000000-0000-0000-0000-000000000000")],
    ["a cursor that decodes to a NUL", "AA"],
  ])("%s is a 422 problem on the audit log", async (_what, c) => {
    const r = await api(`/master/audit?cursor=${encodeURIComponent(c)}`, { token: await master() });
    expectProblem(r, 422);
    expect(r.body.errors[0].field).toBe("cursor");
  });

  it.each(["/tenants", "/master/tracks", "/master/master/parties"])("%s refuses a cursor that is not a name (422), and pages with one that is", async (path) => {
    const token = await master();
    for (const c of ["AA", cursor("a|b"), cursor("x".repeat(51)), "%%%"]) {
      const r = await api(`${path}?cursor=${encodeURIComponent(c)}`, { token });
      expectProblem(r, 422);
    }
    const first = await api(`${path}?page_size=1`, { token });
    expect(first.status).toBe(200);
    if (first.body.next_cursor) expect((await api(`${path}?page_size=1&cursor=${first.body.next_cursor}`, { token })).status).toBe(200);
  });

  it("a filter or page_size that cannot be used is a 422 problem, never a 500", async () => {
    const token = await master();
    for (const q of ["filter=%00", "page_size=abc", "page_size=0", "page_size=1.5"]) {
      expectProblem(await api(`/master/master/parties?${q}`, { token }), 422);
    }
    for (const q of ["actor=%00", "target_name=a%00", "action=%00x"]) expectProblem(await api(`/master/audit?${q}`, { token }), 422);
  });

  it("a NUL in any text field of a body is a 422 problem naming the field", async () => {
    const token = await master();
    const name = uniqueName("nul");
    const note = await api("/master/master/parties", { method: "POST", token, body: { name, note: "a\u0000b", client: {} } });
    expectProblem(note, 422);
    expect(note.body.errors[0].field).toBe("note");
    const audience = await api("/master/master/parties", { method: "POST", token, body: { name, resource: { scopes: ["r"], audience: "a\u0000b" } } });
    expectProblem(audience, 422);
    expect(audience.body.errors[0].field).toBe("resource.audience");
  });
});
