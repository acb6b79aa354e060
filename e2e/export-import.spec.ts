import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { postToken } from "../tests/support/token";
import { controlApi, env, expect, screenshot, signIn, test } from "./support/fennec";

// Export a track from its Applications page, import the file into another track: the dry run's plan
// as a table, then apply, then the generated secret shown once and working at the token endpoint.
test.describe.configure({ mode: "serial" });

const suffix = randomBytes(3).toString("hex");
const src = `export-${suffix}`;
const dst = `import-${suffix}`;
let file = "";

const orders = { name: "orders-api", display_name: "Orders API", resource: { scopes: ["read", "write"] } };
const nightly = {
  name: "nightly",
  client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] },
  claim_transforms: [{ type: "constant", claims_out: ["role"], transformation: "reader" }],
};
const reports = { name: "reports", display_name: "Reports", client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] } };

test.beforeAll(async () => {
  for (const track of [src, dst]) expect((await controlApi("POST", "/master/tracks", { name: track })).status).toBe(201);
  for (const p of [orders, nightly, reports]) expect((await controlApi("POST", `/master/${src}/parties`, p)).status).toBe(201);
  // The target already has orders-api as it is (unchanged) and reports with another display name (update).
  expect((await controlApi("POST", `/master/${dst}/parties`, orders)).status).toBe(201);
  expect((await controlApi("POST", `/master/${dst}/parties`, { ...reports, display_name: "Old reports" })).status).toBe(201);
});

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("Export downloads the track as a JSON document without secrets", async ({ page }, info) => {
  await page.goto(`/control/master/${src}/applications`);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export", exact: true }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe(`fennec-master-${src}.json`);
  file = info.outputPath("export.json");
  await d.saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, "utf8"));
  expect(doc.fennec_export_version).toBe(1);
  expect(doc.parties.map((p: { name: string }) => p.name)).toEqual(["nightly", "orders-api", "reports"]);
  expect(fs.readFileSync(file, "utf8")).not.toMatch(/argon2|"hash"|"secret"/);
});

test("Import shows the dry run's plan, applies on confirmation and shows the new secret once", async ({ page }) => {
  await page.goto(`/control/master/${dst}/applications`);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Import into master/${dst}` });
  await dialog.getByLabel("Export file (.json)").setInputFiles(file);
  const table = dialog.getByRole("table", { name: "Import plan" });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row", { name: /nightly/ })).toContainText("create");
  await expect(table.getByRole("row", { name: /orders-api/ })).toContainText("unchanged");
  await expect(table.getByRole("row", { name: /reports/ })).toContainText("update");
  await expect(table.getByRole("row", { name: /reports/ })).toContainText("display_name");
  await screenshot(page, "40-import-dry-run");

  // Nothing is written before the confirmation.
  const before = await controlApi("GET", `/master/${dst}/parties/nightly`);
  expect(before.status).toBe(404);

  await dialog.getByRole("button", { name: /Apply import \(2 changes\)/ }).click();
  const secret = dialog.getByRole("region", { name: "New client secret of nightly" });
  await expect(secret).toBeVisible();
  await screenshot(page, "41-import-applied-secret");
  const value = await secret.getByLabel("Secret value").inputValue();
  expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("row", { name: /nightly/ })).toBeVisible();

  const t = await postToken(`${env().url}/master/${dst}/oauth/token`, {
    grant_type: "client_credentials",
    client_id: "nightly",
    client_secret: value,
    scope: "orders-api:read",
  });
  expect(t.status, JSON.stringify(t.body)).toBe(200);
});

test("a file the importer refuses is explained, field by field", async ({ page }, info) => {
  const bad = info.outputPath("bad.json");
  fs.writeFileSync(bad, JSON.stringify({ fennec_export_version: 1, parties: [{ name: "c", client: { resource_scopes: [{ resource: "ghost-api", scopes: ["x"] }] } }] }));
  await page.goto(`/control/master/${dst}/applications`);
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: `Import into master/${dst}` });
  await dialog.getByLabel("Export file (.json)").setInputFiles(bad);
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("cannot be imported");
  await expect(alert).toContainText("parties.0.client.resource_scopes.0.resource");
  await expect(alert).toContainText("ghost-api");
  await screenshot(page, "42-import-refused");
});
