import { env, expect, signIn, test } from "./support/fennec";

// What the Control UI's headers mean in a real browser: no other site can frame it, and a script that
// is not Next.js's own (it has no nonce) does not run, while the UI itself still works.

test("another site cannot frame the Control UI", async ({ page }) => {
  await page.setContent(`<iframe title="framed" src="${env().url}/signin" width="600" height="400"></iframe>`);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  await expect.poll(() => frame.url()).not.toBe("about:blank");
  await page.waitForTimeout(500);
  expect(await frame.locator("text=Sign in to Fennec").count()).toBe(0);
});

test("a script injected into the page's markup does not run, while the page's own scripts do", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/.test(m.text())) violations.push(m.text());
  });
  // As an injection flaw would: the server's answer, headers included, with a script tag added that
  // has no nonce (Next.js's own scripts carry this response's nonce).
  await page.route("**/signin", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>window.__injected = true;</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(violations.join("\n")).toMatch(/script/i);
  await page.unrouteAll();
  await signIn(page);
});
