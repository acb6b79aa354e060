import { randomBytes } from "node:crypto";
import { postToken } from "../tests/support/token";
import { controlApi, env, expect, screenshot, signIn, test } from "./support/fennec";

// An administrator deletes a client from its page (after a confirmation): the list no longer shows it,
// and the client, which had been getting tokens, is refused with invalid_client at its next request.

const track = `del-${randomBytes(3).toString("hex")}`;
const base = `/control/master/${track}`;
let secret = "";

test.beforeAll(async () => {
  const create = async (path: string, body: unknown) => {
    const r = await controlApi("POST", `/master${path}`, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { secret?: string };
  };
  await create("/tracks", { name: track });
  await create(`/${track}/parties`, { name: "orders-api", resource: { scopes: ["read"] } });
  secret = (await create(`/${track}/parties`, { name: "shop", client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] } })).secret!;
});

const token = () =>
  postToken(`${env().url}/master/${track}/oauth/token`, { grant_type: "client_credentials", client_id: "shop", client_secret: secret, scope: "orders-api:read" });

test("delete a client from its page, then its token request is refused", async ({ page }) => {
  for (let i = 0; i < 2; i++) expect((await token()).status).toBe(200);

  await signIn(page);
  await page.goto(`${base}/applications/shop`);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete shop?" });
  await expect(dialog).toBeVisible();
  // cancelling changes nothing
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await token()).status).toBe(200);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await screenshot(page, "delete-application-confirm");
  await page.getByRole("dialog", { name: "Delete shop?" }).getByRole("button", { name: "Delete application" }).click();
  await expect(page.getByText("Application 'shop' deleted.")).toBeVisible();
  const refused = await token();
  expect(refused.status, refused.text).toBe(401);
  expect(refused.body.error).toBe("invalid_client");

  await expect(page).toHaveURL(new RegExp(`${base}/applications$`));
  await expect(page.getByRole("row", { name: /^orders-api/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /^shop/ })).toHaveCount(0);
  const audit = await controlApi("GET", `/master/audit?action=party.delete&target_name=shop&track=${track}`);
  expect((audit.body.data as unknown[]).length).toBe(1);
});
