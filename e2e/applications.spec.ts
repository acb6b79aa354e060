import { randomBytes } from "node:crypto";
import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { makePfx } from "../tests/support/client-keys";
import { assertion as clientAssertion, postToken } from "../tests/support/token";
import { env, expect, screenshot, signIn, test } from "./support/fennec";

// One administrator's day in a fresh track: a resource, a client, its secrets, a switch to private key
// JWT, a key rotation, and the audit log that records it all. The steps build on each other.
test.describe.configure({ mode: "serial" });

const track = `e2e-${randomBytes(3).toString("hex")}`;
const base = `/control/master/${track}`;
const issuer = () => `${env().url}/master/${track}/`;
const tokenEndpoint = () => `${issuer()}oauth/token`;
let clientSecret = "";
/** the secret added on the Secrets tab, still valid when the client switches to private key JWT */
let secondSecret = "";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test.beforeEach(async ({ page }) => {
  await signIn(page);
});

test("create a track from the top bar", async ({ page }) => {
  await screenshot(page, "02-applications-master");
  await page.getByRole("button", { name: "+ New track" }).click();
  const dialog = page.getByRole("dialog", { name: /New track/ });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Name").fill(track);
  await dialog.getByRole("button", { name: "Create track" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/applications$`));
  await expect(page.getByText("No applications in this track yet")).toBeVisible();
  await expect(page.getByLabel("Track")).toHaveValue(track);
  await screenshot(page, "03-applications-empty");
});

test("create a resource (API) with scopes", async ({ page }) => {
  await page.goto(`${base}/applications`);
  await page.getByRole("link", { name: "+ OAuth 2.0 – Resource (API)" }).first().click();
  await page.getByLabel("Name (client ID / resource name)").fill("orders-api");
  await page.getByLabel("Scope 1", { exact: true }).fill("read");
  await page.getByRole("button", { name: "+ Add scope" }).click();
  await page.getByLabel("Scope 2", { exact: true }).fill("write");
  await page.getByRole("button", { name: "+ Add scope" }).click();
  await page.getByLabel("Scope 3", { exact: true }).fill("bad scope");
  await expect(page.getByText("orders-api:read")).toBeVisible();
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByText("Scope may hold letters, digits")).toBeVisible();
  await page.getByRole("button", { name: "Remove scope bad scope" }).click();
  await screenshot(page, "04-new-resource");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${base}/applications/orders-api$`));
  await expect(page.getByRole("heading", { name: /orders-api/ })).toBeVisible();

  await page.goto(`${base}/applications`);
  const row = page.getByRole("row", { name: /orders-api/ });
  await expect(row.getByText("Resource")).toBeVisible();
  await expect(row.getByText("read", { exact: true })).toBeVisible();
  await expect(row.getByText("write", { exact: true })).toBeVisible();
});

test("create a client with default settings, copy its secret and get a token with it", async ({ page }) => {
  await page.goto(`${base}/applications`);
  await page.getByRole("link", { name: "+ OAuth 2.0 – Client Credentials Grant" }).first().click();
  await page.getByLabel("Name (client ID / resource name)").fill("billing");
  await expect(page.getByText("client secret post")).toBeVisible();
  await page.getByRole("checkbox", { name: "orders-api:read" }).check();
  await screenshot(page, "05-new-client");
  await page.getByRole("button", { name: "Create", exact: true }).click();

  const panel = page.getByRole("region", { name: "Client secret of billing" });
  await expect(panel).toContainText("It will not be shown again");
  await panel.getByRole("button", { name: "Copy secret" }).click();
  clientSecret = await page.evaluate(() => navigator.clipboard.readText());
  expect(clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await expect(panel.getByLabel("Secret value")).toHaveValue(clientSecret);

  // The secret works on the real token route, and the token names the resource and scope granted.
  const r = await postToken(tokenEndpoint(), {
    grant_type: "client_credentials",
    client_id: "billing",
    client_secret: clientSecret,
    scope: "orders-api:read",
  });
  expect(r.status).toBe(200);
  const { payload } = await jwtVerify(r.body.access_token as string, createRemoteJWKSet(new URL(`${issuer()}.well-known/openid-configuration/keys`)), {
    issuer: issuer(),
    audience: "orders-api",
  });
  expect(payload.aud).toBe("orders-api");
  expect(payload.scope).toBe("orders-api:read");
  expect(payload.client_id).toBe("billing");

  // "Try it" on the same screen uses the just-created secret.
  await page.getByRole("button", { name: "Get token" }).click();
  await expect(page.getByText("HTTP 200")).toBeVisible();
  await expect(page.getByLabel("Claims", { exact: true })).toContainText('"aud": "orders-api"');
  await expect(page.getByLabel("curl command", { exact: true })).toContainText(tokenEndpoint());
  await screenshot(page, "06-client-created-secret-and-try-it");

  // A scope the client was not granted is refused.
  const refused = await postToken(tokenEndpoint(), {
    grant_type: "client_credentials",
    client_id: "billing",
    client_secret: clientSecret,
    scope: "orders-api:write",
  });
  expect(refused.status).toBe(400);
  expect(refused.body.error).toBe("invalid_scope");
});

test("create a client with the advanced settings open and left as they are: it gets a token", async ({ page }) => {
  await page.goto(`${base}/applications`);
  await page.getByRole("link", { name: "+ OAuth 2.0 – Client Credentials Grant" }).first().click();
  await page.getByLabel("Name (client ID / resource name)").fill("ledger");
  await page.getByRole("button", { name: "Show advanced settings" }).click();
  // The form starts from the schema's defaults, as the API would store them.
  await expect(page.getByRole("checkbox", { name: "Client credentials grant enabled" })).toBeChecked();
  await expect(page.getByLabel("Client authentication method")).toHaveValue("client_secret_post");
  await page.getByRole("checkbox", { name: "orders-api:read" }).check();
  await page.getByRole("button", { name: "Create", exact: true }).click();

  const panel = page.getByRole("region", { name: "Client secret of ledger" });
  await expect(panel).toContainText("It will not be shown again");
  const secret = await panel.getByLabel("Secret value").inputValue();
  const r = await postToken(tokenEndpoint(), { grant_type: "client_credentials", client_id: "ledger", client_secret: secret, scope: "orders-api:read" });
  expect(r.body.error).toBeUndefined();
  expect(r.status).toBe(200);
});

test("add a secret (shown once) and delete one with a confirmation", async ({ page }) => {
  await page.goto(`${base}/applications/billing?tab=secrets`);
  const secretsTable = page.getByRole("table", { name: "Client secrets" });
  await expect(secretsTable.getByRole("row")).toHaveCount(2);
  await page.getByRole("button", { name: "+ Add secret" }).click();
  const panel = page.getByRole("region", { name: "New client secret" });
  await expect(panel).toContainText("It will not be shown again");
  const second = await panel.getByLabel("Secret value").inputValue();
  expect(second).not.toBe(clientSecret);
  secondSecret = second;
  await expect(secretsTable.getByRole("row")).toHaveCount(3);
  await screenshot(page, "07-secrets");

  // Delete the first secret: the second keeps working, the first stops.
  await page.getByRole("button", { name: `Delete secret ${clientSecret.slice(0, 3)}…` }).click();
  const confirm = page.getByRole("dialog", { name: "Delete this secret?" });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Delete secret" }).click();
  await expect(secretsTable.getByRole("row")).toHaveCount(2);

  const old = await postToken(tokenEndpoint(), { grant_type: "client_credentials", client_id: "billing", client_secret: clientSecret });
  expect(old.status).toBe(401);
  const current = await postToken(tokenEndpoint(), { grant_type: "client_credentials", client_id: "billing", client_secret: second });
  expect(current.status).toBe(200);

  // After a reload the list shows hints only: no secret is on the page any more.
  await page.reload();
  expect(await page.content()).not.toContain(second);
});

test("switch the client to private key JWT with an uploaded pfx and get a token with an assertion", async ({ page }) => {
  const { pfx, privateKey } = makePfx("pfx-password-1", "billing-e2e");
  await page.goto(`${base}/applications/billing`);
  const settings = page.getByRole("tabpanel", { name: "Settings" });
  await settings.getByRole("button", { name: "Show advanced settings" }).click();
  await settings.getByLabel("Client authentication method").selectOption("private_key_jwt");
  await settings.getByLabel("Client certificate (.pfx/.p12 or PEM)").setInputFiles({ name: "billing.pfx", mimeType: "application/x-pkcs12", buffer: pfx });
  await settings.getByLabel("Certificate password (pfx)").fill("wrong-password");
  await settings.getByRole("button", { name: "Read certificate" }).click();
  await expect(settings.getByRole("alert").filter({ hasText: "The password does not open this .pfx/.p12 file." })).toBeVisible();
  await settings.getByLabel("Certificate password (pfx)").fill("pfx-password-1");
  await settings.getByRole("button", { name: "Read certificate" }).click();
  const details = settings.getByLabel("Certificate details");
  await expect(details).toContainText("billing-e2e");
  await screenshot(page, "08-private-key-jwt-certificate");
  await settings.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Client certificate added.")).toBeVisible();

  await page.getByRole("tab", { name: /Client certificates/ }).click();
  await expect(page.getByRole("table", { name: "Client certificates" })).toContainText("billing-e2e");

  const assertion = await clientAssertion("billing", issuer(), { key: privateKey, typ: "JWT" });
  const r = await postToken(tokenEndpoint(), {
    grant_type: "client_credentials",
    client_id: "billing",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    scope: "orders-api:read",
  });
  expect(r.status).toBe(200);
  const claims = decodeJwt(r.body.access_token as string);
  expect(claims.aud).toBe("orders-api");
  expect(claims.scope).toBe("orders-api:read");

  // The client no longer accepts its secret, which still exists, once it authenticates with private key JWT.
  expect(secondSecret).not.toBe("");
  const withSecret = await postToken(tokenEndpoint(), { grant_type: "client_credentials", client_id: "billing", client_secret: secondSecret });
  expect(withSecret.status).toBe(401);
  expect(withSecret.body.error).toBe("invalid_client");
});

test("rotate the track's signing keys", async ({ page }) => {
  await page.goto(`${base}/signing-keys`);
  const primary = page.getByRole("region", { name: /Primary key/ });
  const before = await primary.locator("dd.font-mono").first().innerText();
  await screenshot(page, "09-signing-keys");
  // Rotate publishes the next key and plans its promotion; the primary keeps signing.
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  const confirm = page.getByRole("dialog", { name: "Rotate the signing keys?" });
  await confirm.getByRole("button", { name: "Rotate" }).click();
  await expect(page.getByText(/Next key .* published; it signs tokens from/)).toBeVisible();
  await expect(primary.locator("dd.font-mono").first()).toHaveText(before);
  const secondary = page.getByRole("region", { name: /Secondary key/ });
  await expect(secondary).toContainText("Next key");
  await expect(secondary).toContainText("Becomes primary");
  await expect(page.locator("#planned-promotion")).toContainText("Planned promotion");
  const next = await secondary.locator("dd.font-mono").first().innerText();
  const published = (await (await fetch(`${issuer()}.well-known/openid-configuration/keys`)).json()) as { keys: { kid: string }[] };
  expect(published.keys.map((k) => k.kid)).toEqual([before, next]);

  // Promote now is the emergency switch and says what it breaks.
  await page.getByRole("button", { name: "Promote now" }).click();
  const warn = page.getByRole("dialog", { name: "Promote a new signing key now?" });
  await expect(warn).toContainText("refuse the new tokens until they fetch the keys again");
  await warn.getByRole("button", { name: "Promote now" }).click();
  await expect(page.getByText("Key promoted")).toBeVisible();
  await expect(primary.locator("dd.font-mono").first()).toHaveText(next);
  await expect(secondary).toContainText(before);

  const jwks = (await (await fetch(`${issuer()}.well-known/openid-configuration/keys`)).json()) as { keys: { kid: string }[] };
  expect(jwks.keys.map((k) => k.kid)).toContain(before);
  await screenshot(page, "10-signing-keys-rotated");
});

test("the audit log shows those changes", async ({ page }) => {
  await page.goto(`/control/master/audit`);
  const filters = page.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Track", { exact: true }).selectOption(track);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/track=/);
  const table = page.getByRole("table", { name: /Audit events/ });
  for (const action of ["track.create", "party.create", "secret.create", "secret.delete", "party.update", "client-key.add", "signing-keys.rotate"]) {
    await expect(table.getByText(action, { exact: true }).first()).toBeVisible();
  }
  await expect(table).toContainText(env().admin.email);
  await screenshot(page, "11-audit-log");

  await filters.getByLabel("Object", { exact: true }).fill("orders-api");
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(table.getByText("party.create", { exact: true })).toHaveCount(1);
  await expect(table.getByText("secret.create", { exact: true })).toHaveCount(0);
});

test("an unknown tenant or application is a plain not-found page", async ({ page }) => {
  await page.goto("/control/no-such-tenant/master/applications");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await page.goto(`${base}/applications/no-such-app`);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  // Names that cannot exist are not looked up: a NUL or a slash in a segment is "Not found" too, not an error page.
  for (const path of [`${base}/applications/a%00b`, "/control/a%2Fb/master/applications", `/control/master/${track}%00/signing-keys`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});

test("settings and a narrow window stay usable", async ({ page }) => {
  await page.goto(`/control/master/settings`);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await screenshot(page, "12-settings");
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(`${base}/applications/billing`);
  await expect(page.getByRole("tab", { name: "Settings" })).toBeVisible();
  await screenshot(page, "13-application-narrow");
});
