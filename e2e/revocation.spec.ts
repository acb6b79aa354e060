import { randomBytes } from "node:crypto";
import { postToken } from "../tests/support/token";
import { controlApi, env, expect, screenshot, signIn, test } from "./support/fennec";

// An administrator revokes every token of a client from its page (after a confirmation), and a
// resource server that introspects the client's earlier token is told it is inactive; the token the
// client revoked itself is listed on the same tab.
test.describe.configure({ mode: "serial" });

const track = `rv-${randomBytes(3).toString("hex")}`;
const issuer = () => `${env().url}/master/${track}/`;
const secrets: Record<string, string> = {};

test.beforeAll(async () => {
  const create = async (path: string, body: unknown) => {
    const r = await controlApi("POST", `/master${path}`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { secret?: string };
  };
  await create("/tracks", { name: track });
  secrets["orders-api"] = (await create(`/${track}/parties`, { name: "orders-api", resource: { scopes: ["read"] }, client: { resource_scopes: [] } })).secret!;
  secrets.shop = (await create(`/${track}/parties`, { name: "shop", client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] } })).secret!;
});

const token = async () =>
  (await postToken(`${issuer()}oauth/token`, { grant_type: "client_credentials", client_id: "shop", client_secret: secrets.shop, scope: "orders-api:read" }))
    .body.access_token as string;

async function introspect(t: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${issuer()}oauth/introspect`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: "orders-api", client_secret: secrets["orders-api"], token: t }),
  });
  expect(r.status).toBe(200);
  return (await r.json()) as Record<string, unknown>;
}

test("revoke all tokens of a client, then introspection says inactive", async ({ page }) => {
  const revokedByClient = await token();
  const r = await fetch(`${issuer()}oauth/revoke`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ client_id: "shop", client_secret: secrets.shop, token: revokedByClient }),
  });
  expect(r.status).toBe(200);
  const jti = JSON.parse(Buffer.from(revokedByClient.split(".")[1], "base64url").toString()).jti as string;
  const earlier = await token();
  expect(await introspect(earlier)).toMatchObject({ active: true, client_id: "shop", aud: "orders-api" });

  await signIn(page);
  await page.goto(`/control/master/${track}/applications/shop?tab=tokens`);
  const panel = page.getByRole("tabpanel", { name: "Tokens" });
  await expect(panel.getByRole("table", { name: "Revoked tokens" }).getByRole("cell", { name: jti })).toBeVisible();
  await expect(panel.getByText("No cutoff: tokens are revoked one by one only.")).toBeVisible();

  await panel.getByRole("button", { name: "Revoke all tokens issued before now" }).click();
  const dialog = page.getByRole("dialog", { name: "Revoke all tokens of shop?" });
  await expect(dialog).toBeVisible();
  // cancelling changes nothing
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await introspect(earlier)).active).toBe(true);

  await panel.getByRole("button", { name: "Revoke all tokens issued before now" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke all tokens" }).click();
  await expect(page.getByText("Every token issued before now is revoked.")).toBeVisible();
  await expect(panel.getByTestId("tokens-not-before")).toContainText("Every token issued up to");
  await screenshot(page, "revocation-client-tokens");

  expect(await introspect(earlier)).toEqual({ active: false });
  expect(await introspect(revokedByClient)).toEqual({ active: false });

  // the cutoff survives a reload, and the audit trail names it
  await page.reload();
  await expect(page.getByRole("tabpanel", { name: "Tokens" }).getByTestId("tokens-not-before")).toContainText("Every token issued up to");
  const audit = await controlApi("GET", `/master/audit?action=party.revoke_tokens&target_name=shop`);
  expect((audit.body.data as unknown[]).length).toBe(1);
});
