import { randomBytes } from "node:crypto";
import { postToken } from "../tests/support/token";
import { controlApi, env, expect, screenshot, signIn, test } from "./support/fennec";

// Token traffic in the Control UI (README "Operations"): two clients get tokens, one of them also fails;
// the track's Usage tab, the client's Usage tab and the secrets' "last used" show it.
test.describe.configure({ mode: "serial" });

const track = `use-${randomBytes(3).toString("hex")}`;
const base = `/control/master/${track}`;
const tokenEndpoint = () => `${env().url}/master/${track}/oauth/token`;
const secrets: Record<string, string> = {};

const ok = (status: number) => expect(status).toBeLessThan(300);

test.beforeAll(async () => {
  ok((await controlApi("POST", "/master/tracks", { name: track })).status);
  for (const name of ["steady", "flaky"]) {
    ok((await controlApi("POST", `/master/${track}/parties`, { name, client: { auth_method: "client_secret_post" } })).status);
    secrets[name] = (await controlApi("POST", `/master/${track}/parties/${name}/secrets`, {})).body.secret as string;
  }
  const get = (client: string, secret: string) => postToken(tokenEndpoint(), { grant_type: "client_credentials", client_id: client, client_secret: secret });
  for (let i = 0; i < 3; i++) expect((await get("steady", secrets.steady)).status).toBe(200);
  expect((await get("flaky", secrets.flaky)).status).toBe(200);
  for (let i = 0; i < 2; i++) expect((await get("flaky", "not-the-secret-0123456789abcdef")).status).toBe(401);
  // a second secret of steady that expires in a week: the list warns about it
  const soon = new Date(Date.now() + 7 * 86_400_000).toISOString();
  ok((await controlApi("POST", `/master/${track}/parties/steady/secrets`, { expires_at: soon })).status);
  // the counts reach the database with the next flush (every 5 seconds)
  await expect
    .poll(async () => ((await controlApi("GET", `/master/${track}/usage`)).body.totals as { issued: number; failed: number }), { timeout: 30_000 })
    .toEqual({ issued: 4, failed: 2 });
});

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("the track's Usage tab charts tokens issued and failed, the top clients and failures by error code", async ({ page }) => {
  await page.goto(`${base}/applications`);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Usage" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/usage$`));
  await expect(page.getByRole("heading", { name: "Usage", level: 1 })).toBeVisible();
  await page.getByRole("link", { name: "Last hour" }).click();
  await expect(page.getByText(/^4 issued, 2 failed between/)).toBeVisible();
  // the chart has drawn its bars, and the table beside it holds the same numbers
  await expect(page.getByTestId("usage-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const traffic = page.getByRole("table", { name: /Tokens issued and failed: tokens issued and failed per minute/ });
  await expect(traffic.getByRole("row").nth(1)).toBeVisible();
  const clients = page.getByRole("table", { name: "Top clients" });
  await expect(clients.getByRole("row", { name: /steady\s+3\s+0/ })).toBeVisible();
  await expect(clients.getByRole("row", { name: /flaky\s+1\s+2/ })).toBeVisible();
  await expect(page.getByRole("table", { name: "Failures by error code" }).getByRole("row", { name: /invalid_client\s+2/ })).toBeVisible();
  await screenshot(page, "30-usage-dashboard");
});

test("the client's Usage tab shows its chart, its last successful token and its recent failure reasons", async ({ page }) => {
  await page.goto(`${base}/usage?range=1h`);
  await page.getByRole("table", { name: "Top clients" }).getByRole("link", { name: "flaky" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/applications/flaky\\?tab=usage$`));
  await expect(page.getByText("Last successful token:")).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);
  await expect(page.getByText(/^1 issued, 2 failed between/)).toBeVisible();
  await expect(page.getByTestId("usage-chart").locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(page.getByRole("table", { name: "Recent failure reasons (24 hours)" }).getByRole("row", { name: /invalid_client\s+2/ })).toBeVisible();
  await screenshot(page, "31-usage-client");
});

test("secrets show when they were last used and warn about one expiring soon", async ({ page }) => {
  await page.goto(`${base}/applications/steady?tab=secrets`);
  const table = page.getByRole("table", { name: "Client secrets" });
  await expect(table.getByRole("columnheader", { name: "Last used" })).toBeVisible();
  const used = table.getByRole("row", { name: new RegExp(`^${secrets.steady.slice(0, 3)}…`) });
  await expect(used.getByRole("cell").nth(3)).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  await expect(table.getByRole("row").filter({ hasText: "Expires within 14 days" }).getByRole("cell").nth(3)).toHaveText("Never");
  await expect(page.getByRole("status").filter({ hasText: "One secret expires within 14 days" })).toBeVisible();
  await screenshot(page, "32-secrets-last-used");
});
