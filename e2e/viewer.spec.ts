import { randomBytes } from "node:crypto";
import type { Browser, Locator, Page } from "@playwright/test";
import { rsaCertificate } from "../tests/support/client-keys";
import { controlApi, env, expect, screenshot, signIn, test } from "./support/fennec";

// README "Admin users and roles": a viewer sees every screen of the Control UI read-only (no create,
// delete, rotate, upload, import or secret button; forms disabled, no submit) and a "Read-only" badge,
// while an administrator sees the same screens with their controls. The server refuses a viewer's
// write whatever the page shows: a write an administrator's page sent, replayed with the viewer's
// session, is refused.
test.describe.configure({ mode: "serial" });

const suffix = randomBytes(3).toString("hex");
const tenant = `view-${suffix}`;
const viewer = { email: `read-only-${suffix}@example.com`, password: `Calm ${randomBytes(9).toString("base64url")} heron` };
const base = `/control/${tenant}/master`;

async function created(path: string, body: unknown) {
  const r = await controlApi("POST", path, body);
  expect(r.status, `${path}: ${JSON.stringify(r.body)}`).toBe(201);
}

test.beforeAll(async () => {
  await created("/tenants", { name: tenant });
  await created(`/${tenant}/tracks`, { name: "staging" });
  await created(`/${tenant}/master/parties`, { name: "orders-api", resource: { scopes: ["read"] } });
  await created(`/${tenant}/master/parties`, {
    name: "billing",
    client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] },
    claim_transforms: [{ type: "constant", claims_out: ["role"], transformation: "reader" }],
  });
  await created(`/${tenant}/master/parties/billing/keys`, { certificate: rsaCertificate({ cn: "billing-signer" }).certPem });
  await created("/admin-users", { email: viewer.email, role: "viewer", tenant: null, password: viewer.password });
});

type Who = "viewer" | "admin";

async function signInAs(browser: Browser, who: Who): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: env().url, acceptDownloads: true })).newPage();
  if (who === "admin") {
    await signIn(page);
    return page;
  }
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(viewer.email);
  await page.getByLabel("Password").fill(viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/applications$/);
  return page;
}

/** The viewer has none of these, not even hidden (a closed <details>, an unopened dialog); the admin sees each. */
async function writeControls(who: Who, controls: Locator[]) {
  for (const c of controls) {
    if (who === "viewer") await expect(c, `${c}`).toHaveCount(0);
    else await expect(c.first(), `${c}`).toBeVisible();
  }
}

const button = (scope: Page | Locator, name: string | RegExp) => scope.getByRole("button", { name, exact: true, includeHidden: true });
const link = (scope: Page | Locator, name: string | RegExp) => scope.getByRole("link", { name, exact: true, includeHidden: true });
const trackForm = (page: Page, name: string) => page.locator("details").filter({ has: page.locator("summary", { hasText: new RegExp(`^${name}\\b`) }) });

async function openTab(page: Page, name: string) {
  await page.getByRole("tab", { name }).click();
  return page.getByRole("tabpanel", { name });
}

for (const who of ["viewer", "admin"] as const) {
  test(`${who}: every main screen ${who === "viewer" ? "is read-only, with the badge" : "has its write controls"}`, async ({ browser }) => {
    const page = await signInAs(browser, who);
    const badge = page.getByText("Read-only", { exact: true });

    // applications list, top bar (tenants and tracks), export and import
    await page.goto(`${base}/applications`);
    await expect(page.getByRole("row", { name: /billing/ })).toBeVisible();
    if (who === "viewer") await expect(badge).toBeVisible();
    else await expect(badge).toHaveCount(0);
    await writeControls(who, [
      button(page, "+ New tenant"),
      button(page, "+ New track"),
      button(page, "Import"),
      link(page, "+ OAuth 2.0 – Resource (API)"),
      link(page, "+ OAuth 2.0 – Client Credentials Grant"),
    ]);
    // Export is a read: both may download the track.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export" }).click();
    expect((await download).suggestedFilename()).toBe(`fennec-${tenant}-master.json`);
    if (who === "viewer") await screenshot(page, "viewer-01-applications");

    // a client: settings, secrets, certificates, claim transforms, tokens, try it
    await page.goto(`${base}/applications/billing`);
    await writeControls(who, [button(page, "Delete")]);
    let panel = await openTab(page, "Settings");
    await expect(panel.getByLabel("Display name (optional)")).toBeVisible();
    if (who === "viewer") await expect(panel.getByLabel("Display name (optional)")).toBeDisabled();
    else await expect(panel.getByLabel("Display name (optional)")).toBeEnabled();
    await writeControls(who, [button(panel, "Save changes")]);
    if (who === "viewer") await screenshot(page, "viewer-02-client-settings");

    panel = await openTab(page, "Secrets");
    await expect(panel.getByRole("table", { name: "Client secrets" })).toBeVisible();
    await writeControls(who, [button(panel, "+ Add secret"), button(panel, /^Delete secret/)]);

    panel = await openTab(page, "Client certificates");
    await expect(panel.getByRole("table", { name: "Client certificates" })).toContainText("billing-signer");
    await writeControls(who, [button(panel, "Add certificate"), button(panel, /^Delete certificate/), panel.getByText("Add a certificate")]);

    panel = await openTab(page, "Claim transforms");
    await expect(panel.getByRole("group", { name: /Transform 1/ })).toBeVisible();
    await writeControls(who, [button(panel, "+ Add claim transform"), button(panel, "Remove transform 1"), button(panel, "Save claim transforms")]);
    if (who === "viewer") await expect(panel.getByRole("group", { name: /Transform 1/ }).getByRole("combobox").first()).toBeDisabled();

    panel = await openTab(page, "Tokens");
    await writeControls(who, [button(panel, "Revoke all tokens issued before now")]);
    await writeControls(who, [page.getByRole("tab", { name: "Try it", includeHidden: true })]);

    // a resource
    await page.goto(`${base}/applications/orders-api`);
    await expect(page.getByLabel("Scope 1", { exact: true })).toHaveValue("read");
    if (who === "viewer") await expect(page.getByLabel("Scope 1", { exact: true })).toBeDisabled();
    await writeControls(who, [button(page, "Delete"), button(page, "+ Add scope"), button(page, "Remove scope read"), button(page, "Save changes")]);

    // signing keys
    await page.goto(`${base}/signing-keys`);
    await expect(page.getByRole("heading", { name: "Rotation" })).toBeVisible();
    await writeControls(who, [button(page, "Rotate"), button(page, "Promote now")]);

    // usage: nothing to change, the badge stays
    await page.goto(`${base}/usage`);
    await expect(page.getByRole("heading", { name: "Usage" })).toBeVisible();
    if (who === "viewer") await expect(badge).toBeVisible();

    // settings: the tracks' forms
    await page.goto(`/control/${tenant}/settings`);
    const staging = trackForm(page, "staging");
    await staging.locator("summary").click();
    await expect(staging.getByLabel("Display name")).toBeVisible();
    if (who === "viewer") await expect(staging.getByLabel("Display name")).toBeDisabled();
    await writeControls(who, [button(staging, "Save track"), button(staging, "Delete track")]);

    // users
    await page.goto(`/control/${tenant}/users`);
    await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
    await writeControls(who, [button(page, "+ New administrator")]);
    if (who === "viewer") await screenshot(page, "viewer-03-users");
    await page.context().close();
  });
}

test("the server is the guard: a write an administrator's page sends is refused with a viewer's session", async ({ browser }) => {
  const admin = await signInAs(browser, "admin");
  await admin.goto(`/control/${tenant}/settings`);
  const staging = trackForm(admin, "staging");
  await staging.locator("summary").click();
  const sent = admin.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined);
  await staging.getByRole("button", { name: "Save track" }).click();
  const write = await sent;
  await expect(admin.getByText("Track 'staging' saved.")).toBeVisible();
  // the same action, the same arguments but one: what a viewer's browser could send by hand
  const headers = Object.fromEntries(Object.entries(write.headers()).filter(([k]) => !["cookie", "content-length", "host"].includes(k)));
  const body = write.postData()!.replace(/"display_name":(null|"[^"]*")/, '"display_name":"Changed by a viewer"');
  expect(body).toContain("Changed by a viewer");
  await admin.context().close();

  const page = await signInAs(browser, "viewer");
  const r = await page.request.post(write.url(), { headers, data: body });
  expect(await r.text()).toContain("Your account is read-only.");
  const track = await controlApi("GET", `/${tenant}/tracks/staging`);
  expect(track.body.display_name).not.toBe("Changed by a viewer");
  await page.context().close();
});
