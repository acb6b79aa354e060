import AxeBuilder from "@axe-core/playwright";
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { controlApi, expect, signIn, test } from "./support/fennec";

// An axe-core scan (WCAG 2.0/2.1 A and AA) of every main screen: any serious or critical violation fails
// (softly, so that one run lists every screen's violations).

const track = `a11y-${randomBytes(3).toString("hex")}`;
const base = `/control/master/${track}`;

async function expectAccessible(page: Page, screen: string) {
  await page.waitForLoadState("networkidle");
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
  expect.soft(serious, `${screen}: ${serious.join("; ")}`).toEqual([]);
}

// Runs again in a new worker after a failed test: what exists already (409) is fine.
test.beforeAll(async () => {
  const created = (r: { status: number }) => expect([201, 409]).toContain(r.status);
  created(await controlApi("POST", "/master/tracks", { name: track }));
  created(await controlApi("POST", `/master/${track}/parties`, { name: "orders-api", resource: { scopes: ["read"] } }));
  created(
    await controlApi("POST", `/master/${track}/parties`, {
      name: "billing",
      client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] },
    }),
  );
});

test("sign-in and not-found", async ({ page }) => {
  await page.goto("/signin");
  await expectAccessible(page, "sign-in");
  await signIn(page);
  await page.goto("/control/master/master/applications/no-such-application");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expectAccessible(page, "not found");
});

test("applications, new resource and new client", async ({ page }) => {
  await signIn(page);
  await page.goto(`${base}/applications`);
  await expect(page.getByRole("row", { name: /billing/ })).toBeVisible();
  await expectAccessible(page, "applications list");
  await page.goto(`${base}/applications/new?kind=resource`);
  await expect(page.getByLabel("Scope 1", { exact: true })).toBeVisible();
  await expectAccessible(page, "new resource");
  await page.goto(`${base}/applications/new?kind=client`);
  await page.getByRole("button", { name: "Show advanced settings" }).click();
  await expectAccessible(page, "new client (advanced settings open)");
});

test("every tab of an application page", async ({ page }) => {
  await signIn(page);
  for (const tab of ["Settings", "Secrets", "Client certificates", "Claim transforms", "Tokens", "Try it"]) {
    await page.goto(`${base}/applications/billing`);
    await page.getByRole("tab", { name: tab }).click();
    await expect(page.getByRole("tabpanel", { name: tab })).toBeVisible();
    await expectAccessible(page, `application page, tab ${tab}`);
  }
});

test("signing keys, audit log and settings", async ({ page }) => {
  await signIn(page);
  await page.goto(`${base}/signing-keys`);
  await expect(page.getByRole("heading", { name: /Signing keys/ })).toBeVisible();
  await expectAccessible(page, "signing keys");
  await page.goto("/control/master/audit");
  await expect(page.getByRole("table", { name: /Audit events/ })).toBeVisible();
  await expectAccessible(page, "audit log");
  await page.goto("/control/master/settings");
  await page.locator("summary").filter({ hasText: track }).click();
  await expect(page.locator("details[open]").getByRole("button", { name: "Save track" })).toBeVisible();
  await expectAccessible(page, "settings");
});
