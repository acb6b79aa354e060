import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { env, expect, screenshot, signIn, test } from "./support/fennec";

// README "Admin users and roles": the Users screen, a viewer whose writes are refused, a one-time password
// that must be changed at the first sign-in, and signing out everywhere.
test.describe.configure({ mode: "serial" });

const suffix = randomBytes(3).toString("hex");
const viewer = { email: `viewer-${suffix}@example.com`, password: `Quiet ${randomBytes(9).toString("base64url")} fox` };
const temp = { email: `temp-${suffix}@example.com`, oneTime: "", password: `Brisk ${randomBytes(9).toString("base64url")} fox` };

async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function freshPage(browser: Browser) {
  const context = await browser.newContext({ baseURL: env().url });
  return context.newPage();
}

test("an all-tenant administrator creates a viewer and a user with a one-time password", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  const me = page.getByRole("row", { name: new RegExp(env().admin.email) });
  await expect(me.getByText("You")).toBeVisible();
  // Never yourself: your own row offers no delete, disable or reset.
  await expect(me.getByRole("button")).toHaveCount(0);

  await page.getByRole("button", { name: "+ New administrator" }).click();
  let dialog = page.getByRole("dialog", { name: "New administrator" });
  await dialog.getByLabel("E-mail address").fill(viewer.email);
  await dialog.getByLabel("Role").selectOption("viewer");
  await dialog.getByLabel("Set a password now").check();
  await dialog.getByLabel("Password", { exact: true }).fill("password1234");
  await dialog.getByRole("button", { name: "Create administrator" }).click();
  await expect(dialog.getByText(/too easy to guess|at least 12/).first()).toBeVisible();
  await dialog.getByLabel("Password", { exact: true }).fill(viewer.password);
  await dialog.getByRole("button", { name: "Create administrator" }).click();
  await expect(page.getByRole("row", { name: new RegExp(viewer.email) }).getByText("Viewer of every tenant")).toBeVisible();

  await page.getByRole("button", { name: "+ New administrator" }).click();
  dialog = page.getByRole("dialog", { name: "New administrator" });
  await dialog.getByLabel("E-mail address").fill(temp.email);
  await dialog.getByRole("button", { name: "Create administrator" }).click();
  const once = page.getByRole("region", { name: `One-time password for ${temp.email}` });
  await expect(once).toBeVisible();
  temp.oneTime = await once.getByLabel("Secret value").inputValue();
  expect(temp.oneTime).toMatch(/^[\w-]{24}$/);
  await expect(page.getByRole("row", { name: new RegExp(temp.email) }).getByText("Must change password")).toBeVisible();
  await screenshot(page, "users-01-list");
  await once.getByRole("button", { name: "I have stored it" }).click();
  await page.reload();
  await expect(page.getByText(temp.oneTime)).toHaveCount(0);
});

// Every screen's controls, and the server's refusal of a viewer's write, are in e2e/viewer.spec.ts.
test("a viewer reads everything and is offered no write", async ({ page }) => {
  await signInAs(page, viewer.email, viewer.password);
  await expect(page).toHaveURL(/\/control\/master\/master\/applications$/);
  await expect(page.getByText("Read-only", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "+ New track" })).toHaveCount(0);
  await screenshot(page, "users-02-viewer-read-only");

  await page.goto("/control/master/users");
  await expect(page.getByRole("row", { name: new RegExp(viewer.email) })).toBeVisible();
  await expect(page.getByRole("button", { name: "+ New administrator" })).toHaveCount(0);
});

test("a one-time password leads to the password change first, then into the console", async ({ page }) => {
  await signInAs(page, temp.email, temp.oneTime);
  await expect(page).toHaveURL(/\/control\/account\/password$/);
  await page.goto("/control/master/master/applications");
  await expect(page).toHaveURL(/\/control\/account\/password$/);
  await page.getByLabel("One-time password").fill(temp.oneTime);
  await page.getByLabel("New password", { exact: true }).fill(temp.email);
  await page.getByLabel("Repeat the new password").fill(temp.email);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/too easy to guess/).first()).toBeVisible();
  await screenshot(page, "users-03-forced-change");
  await page.getByLabel("New password", { exact: true }).fill(temp.password);
  await page.getByLabel("Repeat the new password").fill(temp.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/control\/master\/master\/applications$/);
});

test("an administrator resets a password: the user is signed out and must change the new one-time password", async ({ page, browser }) => {
  const user = await freshPage(browser);
  await signInAs(user, temp.email, temp.password);
  await expect(user).toHaveURL(/\/applications$/);

  await signIn(page);
  await page.goto("/control/master/users");
  await page.getByRole("button", { name: `Reset password of ${temp.email}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Reset password" }).click();
  const once = page.getByRole("region", { name: `One-time password for ${temp.email}` });
  temp.oneTime = await once.getByLabel("Secret value").inputValue();

  await user.reload();
  await expect(user).toHaveURL(/\/signin/);
  await signInAs(user, temp.email, temp.oneTime);
  await expect(user).toHaveURL(/\/control\/account\/password$/);
  await user.context().close();
});

test("sign out everywhere ends every session of the account at once", async ({ page, browser }) => {
  const other = await freshPage(browser);
  await signInAs(other, viewer.email, viewer.password);
  await expect(other).toHaveURL(/\/applications$/);

  await signInAs(page, viewer.email, viewer.password);
  await expect(page).toHaveURL(/\/applications$/);
  await page.getByRole("link", { name: "Your account" }).click();
  await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
  const sessions = page.getByRole("table", { name: "Active sessions" });
  // the header, this browser, the other one (and the earlier test's, still open)
  expect(await sessions.getByRole("row").count()).toBeGreaterThanOrEqual(3);
  await expect(sessions.getByText("This session")).toHaveCount(1);
  await screenshot(page, "users-04-account");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await other.reload();
  await expect(other).toHaveURL(/\/signin/);
  await other.context().close();
});
