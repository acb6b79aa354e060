import { randomBytes } from "node:crypto";
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { pgliteDir } from "../lib/db/embedded";
import { hashSecret } from "../lib/secrets/hash";
import {
  createTestDatabase,
  dbMode,
  dropTestDatabase,
  newDataDir,
  startServer,
  testKek,
  type TestServer,
} from "../tests/support/server";
import { controlClient } from "../tests/support/control-api";
import { expect, test } from "./support/fennec";

// An admin user bound to one tenant sees and manages that tenant only: the pages check it themselves.
// There is no screen for admin users yet, so the test adds one to the database while the server is down.
test.describe.configure({ mode: "serial" });

const tenant = `acme-${randomBytes(3).toString("hex")}`;
const admin = { email: "ops@acme.example", password: randomBytes(18).toString("base64url") };
// bound to the master tenant: manages master/master, but not the all-tenant bootstrap client
const masterOps = { email: "ops@master.example", password: randomBytes(18).toString("base64url") };
const client = { id: "tenant-admin-bootstrap", secret: randomBytes(32).toString("base64url") };
const dataDir = newDataDir();
let databaseUrl: string | undefined;
let env: Record<string, string>;
let server: TestServer;

const sql = `INSERT INTO "AdminUser" (id, email, "passwordHash", "tenantId", "createdAt", "updatedAt")
  VALUES (gen_random_uuid(), $1, $2, (SELECT id FROM "Tenant" WHERE name = $3), now(), now())`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  databaseUrl = dbMode() === "postgres" ? await createTestDatabase() : undefined;
  env = {
    FENNEC_BOOTSTRAP_CLIENT_ID: client.id,
    FENNEC_BOOTSTRAP_CLIENT_SECRET: client.secret,
    ...(databaseUrl ? { FENNEC_KEY_ENCRYPTION_KEY: testKek() } : {}),
  };
  server = await startServer({ dataDir, databaseUrl, env, keepData: true });
  const control = await controlClient(server.url, client);
  await control.call("POST", "tenants", { name: tenant });
  await server.stop();

  const hash = await hashSecret(admin.password);
  const masterHash = await hashSecret(masterOps.password);
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    await c.query(sql, [admin.email, hash, tenant]);
    await c.query(sql, [masterOps.email, masterHash, "master"]);
    await c.end();
  } else {
    const db = new PGlite(pgliteDir(dataDir));
    await db.query(sql, [admin.email, hash, tenant]);
    await db.query(sql, [masterOps.email, masterHash, "master"]);
    await db.close();
  }
  server = await startServer({ dataDir, databaseUrl, env, keepData: true });
});

test.afterAll(async () => {
  await server?.stop();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test("a tenant administrator lands in their tenant and cannot open another", async ({ page }) => {
  await page.goto(`${server.url}/signin`);
  await page.getByLabel("E-mail").fill(admin.email);
  await page.getByLabel("Password").fill(admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/control/${tenant}/master/applications`);

  const tenants = page.getByRole("combobox", { name: "Tenant" }).locator("option");
  await expect(tenants).toHaveText([tenant]);
  await expect(page.getByRole("button", { name: "+ New tenant" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "control_api" })).toBeVisible();

  for (const path of ["/control/master/master/applications", "/control/master/audit", "/control/master/settings", "/control/master/master/signing-keys"]) {
    await page.goto(`${server.url}${path}`);
    await expect(page.getByRole("heading", { name: "Not found" }), path).toBeVisible();
  }
});

test("an administrator of the master tenant cannot take over the all-tenant client", async ({ page }) => {
  await page.goto(`${server.url}/signin`);
  await page.getByLabel("E-mail").fill(masterOps.email);
  await page.getByLabel("Password").fill(masterOps.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/control/master/master/applications`);
  await expect(page.getByRole("combobox", { name: "Tenant" }).locator("option")).toHaveText(["master"]);

  await page.goto(`${server.url}/control/master/master/applications/${client.id}?tab=secrets`);
  const rows = page.getByRole("table", { name: "Client secrets" }).getByRole("row");
  await expect(rows).toHaveCount(2);
  await page.getByRole("button", { name: "+ Add secret" }).click();
  await expect(page.getByRole("status")).toContainText("Only an all-tenant administrator may grant control_api:master");
  await expect(page.getByRole("region", { name: "New client secret" })).toHaveCount(0);
  await expect(rows).toHaveCount(2);
});
