import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { callAction, signInAdmin } from "../../support/admin-session";
import { api, master, sharedServer, uniqueName } from "../../support/fennec";

// README "Admin users and roles": every server action checks the session itself. Actions are public
// POST endpoints (a Next-Action header names one): called without a session they send the caller to
// sign-in, and a tenant administrator's call with another tenant's names or ids is refused; neither
// changes anything. Each refusal is set against the same call that succeeds, so a malformed call
// cannot pass for a refusal.

const PARTIES = "components/parties/actions.ts";
const SECRETS = "components/secrets/actions.ts";
const USERS = "components/users/actions.ts";
const FRAME = "components/frame/actions.ts";

let token: string;
const mine = uniqueName("act-mine");
const theirs = uniqueName("act-theirs");
const mineAdmin = { email: `${mine}-admin@example.com`, password: `Mine ${randomBytes(12).toString("base64url")} pw` };
let mineCookie: string;
let theirsAdminId: string;

const url = () => sharedServer().url;
const page = (tenant: string, party = "billing") => `/control/${tenant}/master/applications/${party}`;
const ref = (tenant: string, party = "billing") => ({ tenant, track: "master", party });
const secrets = async (tenant: string, party = "billing") => (await api(`/${tenant}/master/parties/${party}/secrets`, { token })).body.data as unknown[];
const partyStatus = async (tenant: string, party: string) => (await api(`/${tenant}/master/parties/${party}`, { token })).status;
const adminUser = async (tenant: string, id: string) => (await api(`/${tenant}/admin-users/${id}`, { token })).status;

beforeAll(async () => {
  token = await master();
  for (const tenant of [mine, theirs]) {
    expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
    for (const name of ["billing", "spare"]) {
      const p = await api(`/${tenant}/master/parties`, { method: "POST", token, body: { name, client: {} } });
      expect(p.status, JSON.stringify(p.body)).toBe(201);
    }
  }
  const created = await api(`/${mine}/admin-users`, { method: "POST", token, body: { ...mineAdmin, role: "admin" } });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const victim = await api(`/${theirs}/admin-users`, { method: "POST", token, body: { email: `${theirs}-admin@example.com`, role: "admin" } });
  expect(victim.status, JSON.stringify(victim.body)).toBe(201);
  theirsAdminId = victim.body.user.id;
  const signedIn = await signInAdmin(url(), mineAdmin.email, mineAdmin.password);
  expect(signedIn.error).toBeUndefined();
  mineCookie = signedIn.cookie!;
});

describe("a server action without a session", () => {
  it("sends the caller to sign-in and changes nothing", async () => {
    const before = await secrets(mine);
    const created = await callAction(url(), page(mine), { file: SECRETS, name: "createSecretAction" }, [ref(mine), {}]);
    expect(created.redirect).toMatch(/^\/signin(;|$)/);
    expect(created.result).toBeNull();
    expect(created.text).not.toMatch(/"secret":/);
    expect(await secrets(mine)).toHaveLength(before.length);

    const deleted = await callAction(url(), page(mine, "spare"), { file: PARTIES, name: "deletePartyAction" }, [ref(mine, "spare")]);
    expect(deleted.redirect).toMatch(/^\/signin(;|$)/);
    expect(await partyStatus(mine, "spare")).toBe(200);

    const tenant = uniqueName("act-new");
    const made = await callAction(url(), page(mine), { file: FRAME, name: "createTenantAction" }, [{ name: tenant }]);
    expect(made.redirect).toMatch(/^\/signin(;|$)/);
    expect((await api(`/tenants/${tenant}`, { token })).status).toBe(404);

    // A cookie that is not a session of this server is no session either.
    const forged = await callAction(url(), page(mine), { file: SECRETS, name: "createSecretAction" }, [ref(mine), {}], "next-auth.session-token=eyJhbGciOiJkaXIifQ.x.y.z");
    expect(forged.redirect).toMatch(/^\/signin(;|$)/);
    expect(await secrets(mine)).toHaveLength(before.length);
  });

  it("the same call with a session does what it says (the call is well-formed)", async () => {
    const before = await secrets(mine);
    const created = await callAction(url(), page(mine), { file: SECRETS, name: "createSecretAction" }, [ref(mine), {}], mineCookie);
    expect(created.redirect).toBeNull();
    expect(created.result, created.text).toMatchObject({ ok: true, secret: expect.any(String) });
    expect(await secrets(mine)).toHaveLength(before.length + 1);
  });
});

// Refused as another tenant's (or, for administrators, as not found in the caller's own scope, or as a
// scope only an all-tenant administrator has): not as a malformed call.
const REFUSED = {
  ok: false,
  message: expect.stringMatching(/^You may not manage tenant '[^']+'\.$|^Administrator '[^']+' not found\.$|^Only an all-tenant administrator may /),
};

describe("a tenant administrator's server action with another tenant's names and ids", () => {
  it("its applications and secrets: refused, nothing changes", async () => {
    const before = await secrets(theirs);
    const created = await callAction(url(), page(theirs), { file: SECRETS, name: "createSecretAction" }, [ref(theirs), {}], mineCookie);
    expect(created.result, created.text).toMatchObject(REFUSED);
    expect(created.text).not.toMatch(/"secret":/);
    expect(await secrets(theirs)).toHaveLength(before.length);

    // Through a page of its own tenant, too: the page is no boundary, the action's arguments are what count.
    const viaOwnPage = await callAction(url(), page(mine), { file: SECRETS, name: "createSecretAction" }, [ref(theirs), {}], mineCookie);
    expect(viaOwnPage.result, viaOwnPage.text).toMatchObject(REFUSED);
    expect(await secrets(theirs)).toHaveLength(before.length);

    const secretId = (before[0] as { id: string }).id;
    const delSecret = await callAction(url(), page(theirs), { file: SECRETS, name: "deleteSecretAction" }, [ref(theirs), secretId], mineCookie);
    expect(delSecret.result, delSecret.text).toMatchObject(REFUSED);
    expect(await secrets(theirs)).toHaveLength(before.length);

    const delParty = await callAction(url(), page(theirs, "spare"), { file: PARTIES, name: "deletePartyAction" }, [ref(theirs, "spare")], mineCookie);
    expect(delParty.result, delParty.text).toMatchObject(REFUSED);
    expect(await partyStatus(theirs, "spare")).toBe(200);

    const update = await callAction(url(), page(theirs), { file: PARTIES, name: "updatePartyAction" }, [ref(theirs), { name: "billing", client: {}, note: "taken over" }], mineCookie);
    expect(update.result, update.text).toMatchObject(REFUSED);
    expect((await api(`/${theirs}/master/parties/billing`, { token })).body.note ?? null).toBeNull();
  });

  it("another tenant's administrators are out of reach: not deleted, not disabled", async () => {
    // (page's tenant, scope the user is managed in, id): every way of pointing at the other tenant's administrator
    const aims: [string, string | null][] = [
      [theirs, theirs],
      [mine, theirs],
      [mine, mine],
      [mine, null],
    ];
    for (const [pageTenant, scope] of aims) {
      const delUser = await callAction(url(), `/control/${pageTenant}/users`, { file: USERS, name: "deleteUserAction" }, [pageTenant, scope, theirsAdminId], mineCookie);
      expect(delUser.result, delUser.text).toMatchObject(REFUSED);
      expect(await adminUser(theirs, theirsAdminId)).toBe(200);

      const disable = await callAction(url(), `/control/${pageTenant}/users`, { file: USERS, name: "setUserDisabledAction" }, [pageTenant, scope, theirsAdminId, true], mineCookie);
      expect(disable.result, disable.text).toMatchObject(REFUSED);
      expect((await api(`/${theirs}/admin-users/${theirsAdminId}`, { token })).body.disabled).toBe(false);
    }
  });

  it("the same calls on its own tenant succeed (the refusals above are about the tenant)", async () => {
    const delParty = await callAction(url(), page(mine, "spare"), { file: PARTIES, name: "deletePartyAction" }, [ref(mine, "spare")], mineCookie);
    expect(delParty.result, delParty.text).toMatchObject({ ok: true });
    expect(await partyStatus(mine, "spare")).toBe(404);

    const update = await callAction(url(), page(mine), { file: PARTIES, name: "updatePartyAction" }, [ref(mine), { name: "billing", client: {}, note: "ours" }], mineCookie);
    expect(update.result, update.text).toMatchObject({ ok: true });
    expect((await api(`/${mine}/master/parties/billing`, { token })).body.note).toBe("ours");

    const own = await api(`/${mine}/admin-users`, { method: "POST", token, body: { email: `${mine}-other@example.com`, role: "viewer" } });
    const delUser = await callAction(url(), `/control/${mine}/users`, { file: USERS, name: "deleteUserAction" }, [mine, mine, own.body.user.id], mineCookie);
    expect(delUser.result, delUser.text).toMatchObject({ ok: true });
    expect(await adminUser(mine, own.body.user.id)).toBe(404);
  });
});
