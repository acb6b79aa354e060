import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { controlApi, env, expect, screenshot, test } from "./support/fennec";

test("an unauthenticated visit is redirected to sign-in", async ({ page }) => {
  await page.goto("/control/master/master/applications");
  await expect(page).toHaveURL(/\/signin/);
  await expect(page.getByRole("heading", { name: "Sign in to Fennec" })).toBeVisible();
});

test("without a session cookie there is no session and no admin page", async ({ request }) => {
  const r = await request.get("/api/auth/session");
  expect(await r.json()).toEqual({});
  const page = await request.get("/control/master/settings", { maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers().location).toContain("/signin");
});

test("sign-in with a wrong password fails, then the right one gets in, and sign-out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(env().admin.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "e-mail address or password is wrong" })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  await screenshot(page, "01-sign-in-failed");

  await page.getByLabel("Password").fill(env().admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/control\/master\/master\/applications$/);
  await expect(page.getByRole("heading", { name: "Applications" })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.goto("/control/master/master/applications");
  await expect(page).toHaveURL(/\/signin/);
});

/** Clicks Sign in and waits for the server's answer to that attempt: every attempt is counted before the next. */
async function submit(page: Page) {
  const answered = page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials") && r.request().method() === "POST");
  await page.getByRole("button", { name: "Sign in" }).click();
  await answered;
}

test("failed sign-ins are throttled per account", async ({ page }) => {
  const email = `nobody-${Date.now()}@example.com`;
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await submit(page);
    await expect(page.getByRole("alert").filter({ hasText: "password is wrong" })).toBeVisible();
  }
  await page.getByLabel("Password").fill("wrong-again");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-ins" })).toBeVisible();
});

test("a real account is locked after 5 wrong passwords: its right password is refused, and accepted once the lock ends", async ({ page }) => {
  test.setTimeout(180_000);
  // an account of its own, so that a failure here leaves no other spec's administrator locked
  const user = { email: `locked-${Date.now()}@example.com`, password: `Locked ${randomBytes(9).toString("base64url")} pw` };
  expect((await controlApi("POST", "/admin-users", { ...user, role: "admin" })).status).toBe(201);
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/control\/master\/master\/applications$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("E-mail").fill(user.email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await submit(page);
    await expect(page.getByRole("alert").filter({ hasText: "password is wrong" })).toBeVisible();
  }
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-ins. Try again in 1 minute." })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);

  // the first lock lasts one minute (lib/auth/signin-throttle.ts); a refused attempt does not extend it
  await page.waitForTimeout(61_000);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/control\/master\/master\/applications$/);
});
