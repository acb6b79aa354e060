import { PGlite } from "@electric-sql/pglite";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbMode, newDataDir, startServer, type TestServer } from "../../support/server";

// Admin sign-in throttling through next-auth's real credentials endpoint (README "Security"): every
// attempt is counted before its password is checked, the per-address limit believes X-Forwarded-For
// only through FENNEC_TRUSTED_PROXIES, locks live in the database and end by time, progressively.

const admin = { email: "throttle-admin@example.com", password: randomBytes(18).toString("base64url") };
const adminEnv = { FENNEC_ADMIN_EMAIL: admin.email, FENNEC_ADMIN_PASSWORD: admin.password };
const WRONG = "The e-mail address or password is wrong.";
const LOCKED = /^Too many failed sign-ins\. Try again in (\d+) minutes?\.$/;

const csrf = new Map<string, { token: string; cookie: string }>();

async function signIn(server: TestServer, email: string, password: string, forwardedFor?: string, headers: Record<string, string> = {}) {
  if (!csrf.has(server.url)) {
    const r = await fetch(`${server.url}/api/auth/csrf`);
    const cookie = r.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    csrf.set(server.url, { token: ((await r.json()) as { csrfToken: string }).csrfToken, cookie });
  }
  const { token, cookie } = csrf.get(server.url)!;
  const r = await fetch(`${server.url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...(forwardedFor ? { "x-forwarded-for": forwardedFor } : {}), ...headers },
    body: new URLSearchParams({ csrfToken: token, email, password, json: "true" }),
  });
  const url = new URL(((await r.json()) as { url: string }).url);
  const error = url.searchParams.get("error");
  return { ok: r.status === 200 && !error, message: error ?? "" };
}

const someone = () => `nobody-${randomBytes(4).toString("hex")}@example.com`;

/** Moves every sign-in lock and window of this database into the past, as if that much time had gone by. */
async function timePasses(target: { databaseUrl?: string; dataDir?: string }) {
  const sql = `UPDATE "RateLimit" SET "expire" = now() - interval '1 second' WHERE "key" LIKE 'signin-account:%'`;
  if (target.databaseUrl) {
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  } else {
    const db = new PGlite(path.join(target.dataDir!, "pgdata"));
    await db.query(sql);
    await db.close();
  }
}

let direct: TestServer;
let proxied: TestServer;
const proxiedDir = newDataDir();
const stops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [direct, proxied] = await Promise.all([
    startServer({ env: adminEnv }),
    startServer({ env: { ...adminEnv, FENNEC_TRUSTED_PROXIES: "1" }, dataDir: proxiedDir }),
  ]);
  stops.push(() => direct.stop());
});

afterAll(async () => {
  for (const stop of stops) await stop();
  await proxied?.stop();
  fs.rmSync(proxiedDir, { recursive: true, force: true });
});

describe("without FENNEC_TRUSTED_PROXIES", () => {
  it("X-Forwarded-For does not get around the per-address limit: 20 failures from one peer lock it", async () => {
    for (let i = 0; i < 20; i++) {
      // Half of them also send the header the server uses to pass on the peer's address: it is overwritten.
      const spoof: Record<string, string> = i % 2 ? { "x-fennec-peer-address": `198.51.100.${i + 101}` } : {};
      expect((await signIn(direct, someone(), "wrong-password", `198.51.100.${i + 1}`, spoof)).message).toBe(WRONG);
    }
    const next = await signIn(direct, someone(), "wrong-password", "198.51.100.99");
    expect(next.message).toMatch(LOCKED);
    expect((await signIn(direct, admin.email, admin.password, "203.0.113.50")).message).toMatch(LOCKED);
  });
});

describe("through one trusted proxy (FENNEC_TRUSTED_PROXIES=1)", () => {
  it("counts the address the proxy recorded, not one the client wrote in front of it", async () => {
    for (let i = 0; i < 20; i++) {
      expect((await signIn(proxied, someone(), "wrong-password", `6.6.6.${i}, 203.0.113.7`)).message).toBe(WRONG);
    }
    expect((await signIn(proxied, someone(), "wrong-password", "203.0.113.7")).message).toMatch(LOCKED);
    expect((await signIn(proxied, someone(), "wrong-password", "6.6.6.6, 203.0.113.7")).message).toMatch(LOCKED);
    expect((await signIn(proxied, someone(), "wrong-password", "203.0.113.8")).message).toBe(WRONG);
  });

  it("a successful sign-in starts the account's count afresh", async () => {
    const from = "203.0.113.20";
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4; i++) expect((await signIn(proxied, admin.email, "wrong-password", from)).message).toBe(WRONG);
      expect(await signIn(proxied, admin.email, admin.password, from)).toEqual({ ok: true, message: "" });
    }
  });

  it("40 parallel wrong guesses for one account: at most 5 passwords are checked, then even the right one is refused", async () => {
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(proxied, admin.email, `wrong-${i}`, `203.0.113.${100 + (i % 40)}`)),
    );
    const checked = answers.filter((a) => a.message === WRONG).length;
    expect(checked).toBeGreaterThanOrEqual(1);
    expect(checked).toBeLessThanOrEqual(5);
    for (const a of answers.filter((x) => x.message !== WRONG)) expect(a.message).toMatch(LOCKED);

    const right = await signIn(proxied, admin.email, admin.password, "203.0.113.30");
    expect(right.ok).toBe(false);
    expect(right.message).toMatch(LOCKED);
    expect(Number(LOCKED.exec(right.message)![1])).toBe(1);
  });

  it("the lock is in the database and ends by time, each further lock lasting longer, and sign-in works again", async () => {
    let target: { databaseUrl?: string; dataDir?: string };
    if (dbMode() === "postgres") {
      target = { databaseUrl: proxied.env.DATABASE_URL };
      // A second instance on the same database is locked too.
      const second = await startServer({
        databaseUrl: proxied.env.DATABASE_URL,
        env: { ...adminEnv, FENNEC_TRUSTED_PROXIES: "1", FENNEC_KEY_ENCRYPTION_KEY: proxied.env.FENNEC_KEY_ENCRYPTION_KEY },
      });
      stops.push(() => second.stop());
      expect((await signIn(second, admin.email, admin.password, "203.0.113.31")).message).toMatch(LOCKED);
    } else {
      // PGlite serves one process: stop, look into the data folder, start again (the lock survives the restart).
      target = { dataDir: proxiedDir };
      await proxied.stop();
      proxied = await startServer({ dataDir: proxiedDir, env: { FENNEC_TRUSTED_PROXIES: "1" } });
      expect((await signIn(proxied, admin.email, admin.password, "203.0.113.31")).message).toMatch(LOCKED);
    }
    const restartIfEmbedded = async () => {
      if (!target.dataDir) return timePasses(target);
      await proxied.stop();
      await timePasses(target);
      proxied = await startServer({ dataDir: proxiedDir, env: { FENNEC_TRUSTED_PROXIES: "1" } });
    };

    // The first lock is over: five more guesses lock the account again, now for 2 minutes.
    await restartIfEmbedded();
    for (let i = 0; i < 5; i++) expect((await signIn(proxied, admin.email, `again-${i}`, "203.0.113.32")).message).toBe(WRONG);
    const second = await signIn(proxied, admin.email, admin.password, "203.0.113.32");
    expect(Number(LOCKED.exec(second.message)?.[1])).toBe(2);

    await restartIfEmbedded();
    expect(await signIn(proxied, admin.email, admin.password, "203.0.113.33")).toEqual({ ok: true, message: "" });
  });
});
