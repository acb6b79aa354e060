import { randomBytes } from "node:crypto";
import type { Browser, Page } from "@playwright/test";
import { controlApi, env, expect, signIn, test } from "./support/fennec";

// README "Admin users and roles": the Users page shows the administrators of the tenant in its URL, as
// /api/control/{tenant}/admin-users does, whoever looks; an all-tenant administrator also sees the
// all-tenant accounts, managed on master's page and listed read-only on the others.
test.describe.configure({ mode: "serial" });

const suffix = randomBytes(3).toString("hex");
const a = `usr-a-${suffix}`;
const b = `usr-b-${suffix}`;
const password = () => `Amber ${randomBytes(9).toString("base64url")} otter`;
const opsA = { email: `ops-${a}@example.com`, password: password() };
const opsB = { email: `ops-${b}@example.com`, password: password() };
const everywhere = { email: `watch-${suffix}@example.com`, password: password() };
const added = { email: `new-${a}@example.com`, password: password() };

async function created(path: string, body: unknown) {
  const r = await controlApi("POST", path, body);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(201);
}

test.beforeAll(async () => {
  await created("/tenants", { name: a });
  await created("/tenants", { name: b });
  await created(`/${a}/admin-users`, { email: opsA.email, role: "admin", password: opsA.password });
  await created(`/${b}/admin-users`, { email: opsB.email, role: "admin", password: opsB.password });
  await created("/admin-users", { email: everywhere.email, role: "viewer", tenant: null, password: everywhere.password });
});

const row = (page: Page, email: string) => page.getByRole("row", { name: new RegExp(email.replace(/[.]/g, "\\.")) });

async function signInAs(browser: Browser, user: { email: string; password: string }) {
  const page = await (await browser.newContext({ baseURL: env().url })).newPage();
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/applications$/);
  return page;
}

test("an all-tenant administrator sees and manages the users of the tenant in the URL", async ({ page }) => {
  await signIn(page);
  await page.goto(`/control/${a}/users`);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
  await expect(row(page, opsA.email)).toContainText(`Administrator of ${a}`);
  await expect(row(page, opsA.email).getByRole("button", { name: `Delete ${opsA.email}` })).toBeVisible();
  await expect(row(page, opsB.email)).toHaveCount(0);
  // the all-tenant accounts reach this tenant too: listed, managed on master's page only
  await expect(row(page, everywhere.email)).toContainText("Managed in tenant master");
  await expect(row(page, everywhere.email).getByRole("button")).toHaveCount(0);
  await expect(row(page, env().admin.email).getByText("You")).toBeVisible();

  // a new administrator made here belongs to this tenant
  await page.getByRole("button", { name: "+ New administrator" }).click();
  const dialog = page.getByRole("dialog", { name: "New administrator" });
  await expect(dialog.getByLabel("Tenant")).toHaveValue(a);
  await dialog.getByLabel("E-mail address").fill(added.email);
  await dialog.getByLabel("Set a password now").check();
  await dialog.getByLabel("Password", { exact: true }).fill(added.password);
  await dialog.getByRole("button", { name: "Create administrator" }).click();
  await expect(row(page, added.email)).toContainText(`Administrator of ${a}`);
  const listed = await controlApi("GET", `/${a}/admin-users`);
  expect((listed.body.data as { email: string }[]).map((u) => u.email).sort()).toEqual([added.email, opsA.email].sort());

  await page.goto(`/control/${b}/users`);
  await expect(row(page, opsB.email)).toBeVisible();
  await expect(row(page, opsA.email)).toHaveCount(0);
  await expect(row(page, added.email)).toHaveCount(0);

  await page.goto("/control/master/users");
  await expect(row(page, everywhere.email).getByRole("button", { name: `Delete ${everywhere.email}` })).toBeVisible();
  await expect(row(page, opsA.email)).toHaveCount(0);
  await expect(row(page, opsB.email)).toHaveCount(0);
});

test("a tenant administrator manages their tenant's users on its page", async ({ browser }) => {
  const page = await signInAs(browser, opsA);
  await page.goto(`/control/${a}/users`);
  await expect(row(page, opsA.email).getByText("You")).toBeVisible();
  await expect(row(page, everywhere.email)).toHaveCount(0);
  await expect(row(page, opsB.email)).toHaveCount(0);
  await page.getByRole("button", { name: `Disable ${added.email}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
  await expect(row(page, added.email).getByText("Disabled")).toBeVisible();
  const user = await controlApi("GET", `/${a}/admin-users`);
  expect((user.body.data as { email: string; disabled: boolean }[]).find((u) => u.email === added.email)?.disabled).toBe(true);
  await page.context().close();
});
