import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import type { Browser, Page } from "@playwright/test";
import pg from "pg";
import { pgliteDir } from "../lib/db/embedded";
import { controlClient } from "../tests/support/control-api";
import { createTestDatabase, dbMode, dropTestDatabase, newDataDir, startServer, testKek, type TestServer } from "../tests/support/server";
import { expect, test } from "./support/fennec";

// README "Admin users and roles": "Your account" → change password checks the current password under the
// sign-in throttle: a session cookie is no password oracle. Five wrong current passwords lock the
// account (the sixth try is refused unchecked, even with the right password, and so is sign-in) until
// the lock ends; a right current password or a successful sign-in starts the count afresh.
// Its own server: the locks and the per-address count must not reach the other specs' sign-ins.
test.describe.configure({ mode: "serial" });

const client = { id: "throttle-bootstrap", secret: randomBytes(32).toString("base64url") };
const password = () => `Pale ${randomBytes(9).toString("base64url")} lynx`;
const locked = { email: "locked@example.com", password: password() };
const reset = { email: "reset@example.com", password: password() };
const WRONG = "The current password is wrong.";
const LOCKED = /^Too many wrong passwords\. Try again in 1 minute\.$/;
const dataDir = newDataDir();
let databaseUrl: string | undefined;
let env: Record<string, string>;
let server: TestServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  databaseUrl = dbMode() === "postgres" ? await createTestDatabase() : undefined;
  env = { FENNEC_BOOTSTRAP_CLIENT_ID: client.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: client.secret, ...(databaseUrl ? { FENNEC_KEY_ENCRYPTION_KEY: testKek() } : {}) };
  server = await startServer({ dataDir, databaseUrl, env, keepData: true });
  const control = await controlClient(server.url, client);
  for (const u of [locked, reset]) await control.call("POST", "admin-users", { email: u.email, role: "viewer", tenant: null, password: u.password });
});

test.afterAll(async () => {
  await server?.stop();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(browser: Browser, user: { email: string; password: string }): Promise<{ page: Page; error: string | null }> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${server.url}/signin`);
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  const alert = page.getByRole("alert").filter({ hasText: /\w/ });
  await expect(page.getByRole("heading", { name: "Applications" }).or(alert).first()).toBeVisible();
  return { page, error: (await alert.count()) ? await alert.first().textContent() : null };
}

/**
 * Submits "Your account" → change password and returns the answer's toast: the refusal, or null when the
 * password was changed. Earlier toasts are dismissed first, so the one that shows is this answer's.
 */
async function changePassword(page: Page, current: string, next: string): Promise<string | null> {
  const toasts = page.locator('[role="status"][aria-live="polite"] > div');
  while (await toasts.count()) await toasts.first().getByRole("button", { name: "Dismiss" }).click();
  await page.getByLabel("Current password").fill(current);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Repeat the new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(toasts).toHaveCount(1);
  const answer = (await toasts.first().innerText()).replace(/×\s*$/, "").trim();
  return answer.startsWith("Password changed.") ? null : answer;
}

/** Ends every lock and window of the throttle, as if that much time had gone by. */
async function timePasses() {
  const sql = `UPDATE "RateLimit" SET "expire" = now() - interval '1 second' WHERE "key" LIKE 'signin-%'`;
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
    return;
  }
  // PGlite serves one process: stop, look into the data folder, start again (the lock survives the restart).
  await server.stop();
  const db = new PGlite(pgliteDir(dataDir));
  await db.query(sql);
  await db.close();
  server = await startServer({ dataDir, env, keepData: true });
}

test("five wrong current passwords lock the account: the right one and sign-in are refused until the lock ends", async ({ browser }) => {
  test.setTimeout(180_000);
  let { page } = await signIn(browser, locked);
  await page.goto(`${server.url}/control/account`);
  const next = password();
  for (let i = 0; i < 5; i++) expect(await changePassword(page, `not-it-${i}`, next)).toBe(WRONG);
  expect(await changePassword(page, locked.password, next)).toMatch(LOCKED);
  // one budget for one password: sign-in is locked too
  expect((await signIn(browser, locked)).error).toMatch(/Too many failed sign-ins/);

  await timePasses();
  ({ page } = await signIn(browser, locked));
  await page.goto(`${server.url}/control/account`);
  expect(await changePassword(page, locked.password, next)).toBeNull();
  await page.context().close();
});

test("a successful sign-in starts the count afresh, as it does for sign-in", async ({ browser }) => {
  const { page } = await signIn(browser, reset);
  await page.goto(`${server.url}/control/account`);
  const next = password();
  for (let i = 0; i < 4; i++) expect(await changePassword(page, `not-it-${i}`, next)).toBe(WRONG);
  const other = await signIn(browser, reset);
  expect(other.error).toBeNull();
  await other.page.context().close();
  // 4 + 4 wrong would be over the limit of 5 without the fresh start
  for (let i = 0; i < 4; i++) expect(await changePassword(page, `again-${i}`, next)).toBe(WRONG);
  expect(await changePassword(page, reset.password, next)).toBeNull();
  await page.context().close();
});
