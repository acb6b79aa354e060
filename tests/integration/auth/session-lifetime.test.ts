import { randomBytes } from "node:crypto";
import { decode, encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callAction, landing, signInAdmin } from "../../support/admin-session";
import { controlRequest, masterToken } from "../../support/control-api";
import { queryRows } from "../../support/inspect-db";
import { dbMode, sharedTarget, startServer, type TestServer } from "../../support/server";

// README "Signing in the first time": an admin session ends 8 hours after sign-in, whatever its cookie
// says, and a deleted administrator's session ends at its next request. The session secret is set here
// (FENNEC_SESSION_SECRET) so that the test can read the cookie's signed token and sign one of its own,
// the way only someone holding the secret could: time is moved by writing timestamps, never waited for.

const EIGHT_HOURS = 8 * 60 * 60;
const secret = randomBytes(32).toString("base64url");
const admin = { email: "lifetime-admin@example.com", password: randomBytes(18).toString("base64url") };
const client = { id: "lifetime-test", secret: randomBytes(32).toString("base64url") };
const USERS = { file: "components/users/actions.ts", name: "deleteUserAction" };

let server: TestServer;
let target: { dataDir: string; databaseUrl?: string; env: Record<string, string> };
let remove: () => Promise<void>;
let token: string;

const start = () =>
  startServer({
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    keepData: true,
    env: {
      ...target.env,
      FENNEC_SESSION_SECRET: secret,
      FENNEC_ADMIN_EMAIL: admin.email,
      FENNEC_ADMIN_PASSWORD: admin.password,
      FENNEC_BOOTSTRAP_CLIENT_ID: client.id,
      FENNEC_BOOTSTRAP_CLIENT_SECRET: client.secret,
    },
  });

/** Runs SQL on the server's database: PostgreSQL while it runs; PGlite (one process) between a stop and a start. */
async function withDatabase<T>(fn: () => Promise<T>): Promise<T> {
  if (dbMode() === "postgres") return fn();
  await server.stop();
  try {
    return await fn();
  } finally {
    server = await start();
    token = await masterToken(server.url, client);
  }
}

const api = (path: string, method = "GET", body?: unknown) => controlRequest(server.url, path, { method, token, body });
const tokenOf = async (cookie: string) => (await decode({ token: cookie.slice(cookie.indexOf("=") + 1), secret }))!;

async function signInOk(email = admin.email, password = admin.password) {
  const r = await signInAdmin(server.url, email, password);
  expect(r.error).toBeUndefined();
  return { cookie: r.cookie!, setCookie: r.setCookie!, claims: await tokenOf(r.cookie!) };
}

beforeAll(async () => {
  ({ target, remove } = await sharedTarget());
  server = await start();
  token = await masterToken(server.url, client);
});

afterAll(async () => {
  await server?.stop();
  await remove?.();
});

describe("an admin session lasts 8 hours from sign-in", () => {
  it("the cookie, its signed token and its session row all end 8 hours after sign-in", async () => {
    const before = Math.floor(Date.now() / 1000);
    const { cookie, setCookie, claims } = await signInOk();
    const after = Math.ceil(Date.now() / 1000);
    expect(await landing(server.url, cookie)).toBe("/control/master");

    const expires = Date.parse(/;\s*Expires=([^;]+)/i.exec(setCookie)![1]) / 1000;
    expect(expires).toBeGreaterThanOrEqual(before + EIGHT_HOURS - 1);
    expect(expires).toBeLessThanOrEqual(after + EIGHT_HOURS + 1);
    expect(Number(claims.exp) - Number(claims.iat)).toBe(EIGHT_HOURS);
    expect(claims.authAt).toBeGreaterThanOrEqual(before);
    expect(claims.authAt).toBeLessThanOrEqual(after);

    const [row] = await withDatabase(() =>
      queryRows<{ lifetime: number }>(target, `SELECT extract(epoch FROM "expiresAt" - "createdAt")::int AS lifetime FROM "AdminSession" WHERE id = $1`, [claims.sid]),
    );
    expect(row.lifetime).toBe(EIGHT_HOURS);
  });

  it("a token signed in more than 8 hours ago is refused, though its own expiry has not come (next-auth slides it)", async () => {
    const { claims } = await signInOk();
    const now = Math.floor(Date.now() / 1000);
    const cookieWith = async (authAt: number) =>
      `next-auth.session-token=${await encode({ token: { ...claims, authAt }, secret, maxAge: EIGHT_HOURS })}`;
    // The same session, re-signed: one minute before the 8 hours are up it is accepted...
    expect(await landing(server.url, await cookieWith(now - EIGHT_HOURS + 60))).toBe("/control/master");
    // ...and after them it is not, though the token is fresh and its row is alive.
    expect(await landing(server.url, await cookieWith(now - EIGHT_HOURS - 5))).toBe("/signin");
  });

  it("a session whose row has expired is refused; another session of the same administrator is not", async () => {
    const expiring = await signInOk();
    const other = await signInOk();
    await withDatabase(() =>
      queryRows(target, `UPDATE "AdminSession" SET "createdAt" = "createdAt" - interval '8 hours 1 second', "expiresAt" = now() - interval '1 second' WHERE id = $1`, [
        expiring.claims.sid,
      ]),
    );
    expect(await landing(server.url, expiring.cookie)).toBe("/signin");
    expect(await landing(server.url, other.cookie)).toBe("/control/master");
  });
});

describe("a deleted administrator", () => {
  const make = async (email: string) => {
    const password = `Deleted ${randomBytes(9).toString("base64url")} pw`;
    const created = await api("/admin-users", "POST", { email, role: "admin", password });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const { cookie } = await signInOk(email, password);
    expect(await landing(server.url, cookie)).toBe("/control/master");
    return { id: created.body.user.id as string, cookie };
  };

  it("deleted through the Control API: their cookie is refused at its next request, by pages and actions", async () => {
    const victim = await make("deleted-by-api@example.com");
    const bystander = await make("bystander@example.com");
    expect((await api(`/admin-users/${victim.id}`, "DELETE")).status).toBe(204);
    expect(await landing(server.url, victim.cookie)).toBe("/signin");
    // the victim's cookie cannot delete anyone any more
    const act = await callAction(server.url, "/control/master/users", USERS, ["master", null, bystander.id], victim.cookie);
    expect(act.redirect).toMatch(/^\/signin(;|$)/);
    expect((await api(`/admin-users/${bystander.id}`)).status).toBe(200);
  });

  it("deleted through the admin UI's action: the same", async () => {
    const victim = await make("deleted-by-ui@example.com");
    const { cookie } = await signInOk();
    const act = await callAction(server.url, "/control/master/users", USERS, ["master", null, victim.id], cookie);
    expect(act.result, act.text).toMatchObject({ ok: true });
    expect((await api(`/admin-users/${victim.id}`)).status).toBe(404);
    expect(await landing(server.url, victim.cookie)).toBe("/signin");
  });
});
