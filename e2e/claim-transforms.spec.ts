import { randomBytes } from "node:crypto";
import { decodeJwt } from "jose";
import { postToken } from "../tests/support/token";
import { controlApi, env, expect, screenshot, signIn, test } from "./support/fennec";

// An administrator adds claim transforms to a client on its page, watches the live preview follow
// every edit, saves, and the client's next token carries the result.
test.describe.configure({ mode: "serial" });

const track = `ct-${randomBytes(3).toString("hex")}`;
const page_ = `/control/master/${track}/applications/reports?tab=claim-transforms`;
let secret = "";

async function create(path: string, body: unknown) {
  const r = await controlApi("POST", `/master${path}`, body);
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body as { secret?: string };
}

test.beforeAll(async () => {
  await create("/tracks", { name: track });
  await create(`/${track}/parties`, { name: "orders-api", resource: { scopes: ["read"] } });
  const client = await create(`/${track}/parties`, {
    name: "reports",
    client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] },
  });
  secret = client.secret ?? "";
});

test("add, edit, reorder and remove transforms while the preview follows", async ({ page }) => {
  await signIn(page);
  await page.goto(page_);
  const panel = page.getByRole("tabpanel", { name: "Claim transforms" });
  const result = panel.getByRole("table", { name: "Resulting claims" });
  const row = (claim: string, value: string) => result.getByRole("row", { name: `${claim} ${value}`, exact: false });

  // the sample input is what a client credentials token carries, for this client
  await expect(row("client_id", "reports")).toBeVisible();
  await expect(panel.getByText("No claim transforms")).toBeVisible();

  await panel.getByRole("button", { name: "+ Add claim transform" }).click();
  await panel.getByRole("menuitem", { name: /^Constant/ }).click();
  const first = panel.getByRole("group", { name: "Transform 1: Constant" });
  await first.getByLabel("Output claim").fill("role");
  await first.getByLabel("Value").fill("reader");
  await expect(row("role", "reader")).toBeVisible();

  await first.getByLabel("Value").fill("writer");
  await expect(row("role", "writer")).toBeVisible();
  await expect(row("role", "reader")).toHaveCount(0);

  // a protected claim is called out as you type, and the transform leaves the preview alone
  await first.getByLabel("Output claim").fill("scope");
  await expect(first.getByText(/^'scope' is set by Fennec and cannot be changed by a claim transform/)).toBeVisible();
  await expect(panel.getByText("Not applied until fixed: transform 1.")).toBeVisible();
  await expect(row("scope", "writer")).toHaveCount(0);
  await first.getByLabel("Output claim").fill("role");

  // a second transform reads the first one's output; order matters
  await panel.getByRole("button", { name: "+ Add claim transform" }).click();
  await panel.getByRole("menuitem", { name: /^Concatenate/ }).click();
  const concat = panel.getByRole("group", { name: "Transform 2: Concatenate" });
  await concat.getByLabel("Input claims").fill("client_id,role");
  await concat.getByLabel("Output claim").fill("label");
  await concat.getByLabel("Format string").fill("{0} as {1}");
  await expect(row("label", "reports as writer")).toBeVisible();

  await panel.getByRole("button", { name: "Move transform 2 up" }).click();
  await expect(panel.getByRole("group", { name: "Transform 1: Concatenate" })).toBeVisible();
  await expect(row("label", "reports as")).toBeVisible();
  await expect(row("label", "reports as writer")).toHaveCount(0);
  await panel.getByRole("button", { name: "Move transform 1 down" }).click();
  await expect(row("label", "reports as writer")).toBeVisible();

  // the sample input is editable
  await panel.getByLabel("Sample claim 2 value").fill("someone-else");
  await expect(row("label", "someone-else as writer")).toBeVisible();
  await panel.getByRole("button", { name: "Reset sample" }).click();
  await expect(row("label", "reports as writer")).toBeVisible();

  // a bad regex is explained on its field
  await panel.getByRole("button", { name: "+ Add claim transform" }).click();
  await panel.getByRole("menuitem", { name: /^Regex map/ }).click();
  const regex = panel.getByRole("group", { name: "Transform 3: Regex map" });
  await regex.getByLabel("Input claim").fill("client_id");
  await regex.getByLabel("Output claim").fill("team");
  await regex.getByLabel("Regular expression").fill("^(?<map>[a-z]+)(?=s)");
  await regex.getByLabel("Output claim").focus();
  await expect(regex.getByText(/lookaround and backreferences are not available/)).toBeVisible();
  await regex.getByLabel("Regular expression").fill("^(?<map>[a-z]{4})");
  await expect(row("team", "repo")).toBeVisible();
  await screenshot(page, "20-claim-transforms");

  await panel.getByRole("button", { name: "Remove transform 3" }).click();
  await expect(row("team", "repo")).toHaveCount(0);
  await expect(panel.getByRole("group", { name: /^Transform 3/ })).toHaveCount(0);

  await panel.getByRole("button", { name: "Save claim transforms" }).click();
  await expect(page.getByText("Claim transforms saved.")).toBeVisible();
});

test("the saved transforms are on the page again and in the client's next token", async ({ page }) => {
  await signIn(page);
  await page.goto(page_);
  const panel = page.getByRole("tabpanel", { name: "Claim transforms" });
  await expect(panel.getByRole("group", { name: "Transform 1: Constant" }).getByLabel("Value")).toHaveValue("writer");
  await expect(panel.getByRole("group", { name: "Transform 2: Concatenate" }).getByLabel("Format string")).toHaveValue("{0} as {1}");

  const claims = async () => {
    const t = await postToken(`${env().url}/master/${track}/oauth/token`, {
      grant_type: "client_credentials",
      client_id: "reports",
      client_secret: secret,
      scope: "orders-api:read",
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    return decodeJwt(String(t.body.access_token));
  };
  // the token route's cache follows the change feed, polled about once a second
  await expect
    .poll(claims, { timeout: 5000 })
    .toMatchObject({ role: "writer", label: "reports as writer", client_id: "reports", scope: "orders-api:read" });
});
