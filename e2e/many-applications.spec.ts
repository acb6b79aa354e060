import { randomBytes } from "node:crypto";
import { postToken } from "../tests/support/token";
import { controlApi, env, expect, signIn, test } from "./support/fennec";

// A track with more applications than one page and more resources than the grants picker lists: the
// list pages and searches on the server, and the picker finds a resource beyond its first 50 by asking
// the server. (The bench measures the same screens' reads at 10,000 parties; here the shape is checked.)
test.describe.configure({ mode: "serial" });

const track = `e2e-many-${randomBytes(3).toString("hex")}`;
const base = `/control/master/${track}`;
const RESOURCES = 60;
const CLIENTS = 50;
const pad = (i: number) => String(i).padStart(3, "0");

test.beforeAll(async () => {
  const call = async (path: string, body: unknown) => {
    const r = await controlApi("POST", `/${path}`, body);
    if (r.status !== 201) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  await call("master/tracks", { name: track });
  for (let i = 0; i < RESOURCES; i++) await call(`master/${track}/parties`, { name: `api-${pad(i)}`, resource: { scopes: ["read"] } });
  for (let i = 0; i < CLIENTS; i++) await call(`master/${track}/parties`, { name: `svc-${pad(i)}`, client: { auth_method: "private_key_jwt" } });
});

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("the application list pages and searches on the server", async ({ page }) => {
  await page.goto(`${base}/applications`);
  // 60 resources and 50 clients: 100 on the first page (and the header row), 10 on the next
  await expect(page.getByRole("row")).toHaveCount(101);
  await page.getByRole("link", { name: "Next page →" }).click();
  await expect(page.getByRole("row", { name: /svc-049/ })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(11);
  await page.getByRole("link", { name: "← First page" }).click();
  await expect(page.getByRole("row", { name: /api-000/ })).toBeVisible();

  await page.getByLabel("Search applications").fill("svc-04");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("row")).toHaveCount(11);
  await expect(page.getByRole("link", { name: "Next page →" })).toHaveCount(0);
});

test("the grants picker finds a resource beyond its first page, and keeps showing it once granted", async ({ page }) => {
  await page.goto(`${base}/applications/new?kind=client`);
  await page.getByLabel("Name (client ID / resource name)").fill("late-grant");
  await expect(page.getByRole("checkbox", { name: "api-000:read" })).toBeVisible();
  await expect(page.getByRole("checkbox", { name: "api-059:read" })).toHaveCount(0);
  await page.getByLabel("The track has more resources than are listed: search by name to find one.").fill("api-059");
  await page.getByRole("checkbox", { name: "api-059:read" }).check();
  await page.getByRole("button", { name: "Create", exact: true }).click();

  const panel = page.getByRole("region", { name: "Client secret of late-grant" });
  const secret = await panel.getByLabel("Secret value").inputValue();
  const r = await postToken(`${env().url}/master/${track}/oauth/token`, {
    grant_type: "client_credentials",
    client_id: "late-grant",
    client_secret: secret,
    scope: "api-059:read",
  });
  expect(r.status).toBe(200);

  await page.goto(`${base}/applications/late-grant`);
  await expect(page.getByRole("checkbox", { name: "api-059:read" })).toBeChecked();
});
