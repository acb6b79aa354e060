import { startServer, type TestServer } from "../tests/support/server";
import { expect, test } from "./support/fennec";

// README "Signing in the first time": with no FENNEC_ADMIN_* set, the first start prints the password of
// admin@localhost once, and that is what gets an administrator in.
let server: TestServer;

test.beforeAll(async () => {
  // startServer waits up to 90 s for /readyz: the hook must allow that and more, not Playwright's 60 s
  test.setTimeout(180_000);
  server = await startServer();
});

test.afterAll(async () => {
  await server?.stop();
});

test("the password printed on the first start signs admin@localhost in", async ({ page }) => {
  const printed = /created admin user admin@localhost with password (\S+)/.exec(server.logs());
  expect(printed, "the first start prints the generated password").not.toBeNull();
  await page.goto(`${server.url}/control`);
  await expect(page).toHaveURL(/\/signin/);
  await page.getByLabel("E-mail").fill("admin@localhost");
  await page.getByLabel("Password").fill(printed![1]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${server.url}/control/master/master/applications`);
  await expect(page.getByText("admin@localhost")).toBeVisible();
});
