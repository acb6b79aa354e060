import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { landing, signInAdmin } from "../../support/admin-session";
import { queryRows } from "../../support/inspect-db";
import { sharedTarget, startServer, type TestServer } from "../../support/server";

// README "Signing in the first time": the session cookie is HTTP-only, SameSite=Lax, for the whole site,
// Secure behind an https:// FENNEC_PUBLIC_URL; with no FENNEC_SESSION_SECRET it is signed with a secret
// generated on first use and kept (encrypted) in the database, so a restart signs no one out.

const admin = { email: "cookie-admin@example.com", password: randomBytes(18).toString("base64url") };
let target: { dataDir: string; databaseUrl?: string; env: Record<string, string> };
let remove: () => Promise<void>;
let server: TestServer | undefined;

/** One server at a time on the test's data (PGlite serves one process). */
async function start(env: Record<string, string> = {}) {
  await stop();
  server = await startServer({
    dataDir: target.dataDir,
    databaseUrl: target.databaseUrl,
    keepData: true,
    env: { ...target.env, FENNEC_ADMIN_EMAIL: admin.email, FENNEC_ADMIN_PASSWORD: admin.password, ...env },
  });
  return server;
}

async function stop() {
  await server?.stop();
  server = undefined;
}

async function signInOk(s: TestServer) {
  const r = await signInAdmin(s.url, admin.email, admin.password);
  expect(r.error).toBeUndefined();
  return { cookie: r.cookie!, setCookie: r.setCookie! };
}

/** A Set-Cookie line's name and attributes (lowercased names, values as sent). */
function attributes(setCookie: string) {
  const [pair, ...rest] = setCookie.split(";").map((s) => s.trim());
  const attrs = Object.fromEntries(rest.map((a) => [a.split("=")[0].toLowerCase(), a.includes("=") ? a.slice(a.indexOf("=") + 1) : true]));
  return { name: pair.slice(0, pair.indexOf("=")), attrs };
}

beforeAll(async () => {
  ({ target, remove } = await sharedTarget());
});

afterAll(async () => {
  await stop();
  await remove?.();
});

describe("the admin session cookie", () => {
  it("is HTTP-only, SameSite=Lax and for the whole site; not Secure under an http:// public URL", async () => {
    const s = await start();
    const { cookie, setCookie } = await signInOk(s);
    const { name, attrs } = attributes(setCookie);
    expect(name).toBe("next-auth.session-token");
    expect(attrs.httponly).toBe(true);
    expect(String(attrs.samesite).toLowerCase()).toBe("lax");
    expect(attrs.path).toBe("/");
    expect(attrs.domain).toBeUndefined();
    expect(attrs.secure).toBeUndefined();
    expect(await landing(s.url, cookie)).toBe("/control/master");
  });

  it("is signed with a secret that is generated once and kept: a restart on the same data signs no one out", async () => {
    const { cookie } = await signInOk(await start());
    expect(await landing(server!.url, cookie)).toBe("/control/master");
    const again = await start();
    expect(await landing(again.url, cookie)).toBe("/control/master");
    await stop();
    const [stored] = await queryRows<{ value: { envelope: string } }>(target, `SELECT value FROM "SystemState" WHERE key = 'session_secret'`);
    expect(stored?.value.envelope).toBeTruthy();
  });

  it("is Secure, and named __Secure-, under an https:// public URL", async () => {
    const s = await start({ FENNEC_PUBLIC_URL: "https://fennec.example" });
    const { cookie, setCookie } = await signInOk(s);
    const { name, attrs } = attributes(setCookie);
    expect(name).toBe("__Secure-next-auth.session-token");
    expect(attrs.secure).toBe(true);
    expect(attrs.httponly).toBe(true);
    expect(String(attrs.samesite).toLowerCase()).toBe("lax");
    expect(attrs.path).toBe("/");
    expect(await landing(s.url, cookie)).toBe("/control/master");
    // the plain name is not read under https: a cookie set over http cannot stand in for it
    expect(await landing(s.url, cookie.replace(/^__Secure-/, ""))).toBe("/signin");
  });
});
