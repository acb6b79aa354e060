import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, dbMode, dropTestDatabase, startServer, type TestServer } from "../../support/server";

// README "Admin users and roles": each session cookie names a session row read on every request, so
// disabling an account, resetting its password or signing out everywhere ends its sessions on every
// instance at the next request, not when the cookie expires. Two instances share PostgreSQL; PGlite
// is one process, so there both "instances" are the same server.

const admin = { email: "sessions-admin@example.com", password: randomBytes(18).toString("base64url") };
const client = { id: "sessions-test", secret: randomBytes(32).toString("base64url") };
const env = {
  FENNEC_ADMIN_EMAIL: admin.email,
  FENNEC_ADMIN_PASSWORD: admin.password,
  FENNEC_BOOTSTRAP_CLIENT_ID: client.id,
  FENNEC_BOOTSTRAP_CLIENT_SECRET: client.secret,
};

let a: TestServer;
let b: TestServer;
let databaseUrl: string | undefined;
// A Control API token names its issuer, which includes the instance's own URL: one token per instance.
const tokens = new Map<string, string>();

beforeAll(async () => {
  if (dbMode() === "postgres") {
    databaseUrl = await createTestDatabase();
    a = await startServer({ env, databaseUrl, keepData: true });
    b = await startServer({ env: { ...env, FENNEC_KEY_ENCRYPTION_KEY: a.env.FENNEC_KEY_ENCRYPTION_KEY }, databaseUrl, keepData: true });
  } else {
    a = b = await startServer({ env });
  }
  for (const server of [a, b]) {
    const r = await fetch(`${server.url}/master/master/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: client.id, client_secret: client.secret, scope: "control_api:master" }),
    });
    tokens.set(server.url, ((await r.json()) as { access_token: string }).access_token);
  }
}, 180_000);

afterAll(async () => {
  await a?.stop();
  if (b !== a) await b?.stop();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
});

async function api(server: TestServer, path: string, method = "GET", body?: unknown) {
  const r = await fetch(`${server.url}/api/control${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens.get(server.url)}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await r.text();
  expect(r.status, text).not.toBe(401);
  return { status: r.status, body: text ? JSON.parse(text) : null };
}

/** Signs in through next-auth's credentials endpoint; the session cookie, or the error shown. */
async function signIn(server: TestServer, email: string, password: string): Promise<{ cookie?: string; error?: string }> {
  const c = await fetch(`${server.url}/api/auth/csrf`);
  const csrfCookie = c.headers.getSetCookie().map((x) => x.split(";")[0]).join("; ");
  const { csrfToken } = (await c.json()) as { csrfToken: string };
  const r = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const error = new URL(((await r.json()) as { url: string }).url).searchParams.get("error");
  if (error) return { error };
  const session = r.headers.getSetCookie().find((x) => x.startsWith("next-auth.session-token="));
  return { cookie: session?.split(";")[0] };
}

/** Where /control sends this cookie: into the console, to the password change, or back to sign-in. */
async function landing(server: TestServer, cookie: string): Promise<string> {
  const r = await fetch(`${server.url}/control`, { redirect: "manual", headers: { cookie } });
  return new URL(r.headers.get("location") ?? "/", server.url).pathname;
}

describe("sessions end everywhere at once", () => {
  it("disabling a user on one instance signs them out on the other at the next request, and they cannot sign in", async () => {
    const password = `Viewer ${randomBytes(9).toString("base64url")} pw`;
    const created = await api(a, "/admin-users", "POST", { email: "viewer@example.com", role: "viewer", password });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { cookie } = await signIn(b, "viewer@example.com", password);
    expect(cookie).toBeTruthy();
    expect(await landing(b, cookie!)).toBe("/control/master");
    expect((await api(b, `/admin-users/${created.body.user.id}`)).body.last_sign_in_at).not.toBeNull();

    expect((await api(a, `/admin-users/${created.body.user.id}`, "PATCH", { disabled: true })).status).toBe(200);
    expect(await landing(b, cookie!)).toBe("/signin");
    expect(await landing(a, cookie!)).toBe("/signin");
    expect((await signIn(b, "viewer@example.com", password)).error).toMatch(/disabled/);

    expect((await api(a, `/admin-users/${created.body.user.id}`, "PATCH", { disabled: false })).status).toBe(200);
    // The old cookie stays dead: its session row is gone.
    expect(await landing(b, cookie!)).toBe("/signin");
    expect((await signIn(b, "viewer@example.com", password)).cookie).toBeTruthy();
  });

  it("a reset ends the sessions; the one-time password signs in only to the password change", async () => {
    const created = await api(a, "/admin-users", "POST", { email: "reset@example.com", role: "admin", password: `Reset ${randomBytes(9).toString("base64url")} pw` });
    const first = await api(a, `/admin-users/${created.body.user.id}/reset-password`, "POST");
    const { cookie } = await signIn(b, "reset@example.com", first.body.one_time_password);
    expect(await landing(b, cookie!)).toBe("/control/account/password");
    const second = await api(a, `/admin-users/${created.body.user.id}/reset-password`, "POST");
    expect(second.body.one_time_password).not.toBe(first.body.one_time_password);
    expect(await landing(b, cookie!)).toBe("/signin");
    expect((await signIn(b, "reset@example.com", first.body.one_time_password)).error).toBeTruthy();
  });

  it("signing out ends that session's row: the cookie does not come back to life", async () => {
    const { cookie } = await signIn(a, admin.email, admin.password);
    expect(await landing(b, cookie!)).toBe("/control/master");
    const c = await fetch(`${a.url}/api/auth/csrf`, { headers: { cookie: cookie! } });
    const csrfCookie = c.headers.getSetCookie().map((x) => x.split(";")[0]).join("; ");
    const { csrfToken } = (await c.json()) as { csrfToken: string };
    await fetch(`${a.url}/api/auth/signout`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${cookie}; ${csrfCookie}` },
      body: new URLSearchParams({ csrfToken, json: "true" }),
    });
    // The browser dropped the cookie; one kept from before is refused too.
    expect(await landing(b, cookie!)).toBe("/signin");
  });
});

describe("the last all-tenant administrator", () => {
  it("cannot be deleted or disabled; once another exists, it can", async () => {
    const all = (await api(a, "/admin-users?page_size=500")).body.data as { id: string; email: string; role: string; tenant: string | null; disabled: boolean }[];
    const first = all.find((u) => u.email === admin.email)!;
    const others = all.filter((u) => u.role === "admin" && u.tenant === null && !u.disabled && u.id !== first.id);
    for (const u of others) expect((await api(a, `/admin-users/${u.id}`, "DELETE")).status).toBe(204);

    const del = await api(a, `/admin-users/${first.id}`, "DELETE");
    expect(del.status).toBe(409);
    expect(del.body.detail).toBe("The last all-tenant administrator cannot be deleted.");
    expect((await api(a, `/admin-users/${first.id}`, "PATCH", { disabled: true })).status).toBe(409);

    // A viewer of every tenant, or a tenant's administrator, does not count.
    const viewer = await api(a, "/admin-users", "POST", { email: "all-viewer@example.com", role: "viewer" });
    expect(viewer.status).toBe(201);
    expect((await api(a, `/admin-users/${first.id}`, "DELETE")).status).toBe(409);

    const second = await api(a, "/admin-users", "POST", { email: "second-admin@example.com", role: "admin" });
    // Two deletes at once: exactly one of them may succeed.
    const both = await Promise.all([api(a, `/admin-users/${first.id}`, "DELETE"), api(b, `/admin-users/${second.body.user.id}`, "DELETE")]);
    expect(both.map((r) => r.status).sort()).toEqual([204, 409]);
  });
});
