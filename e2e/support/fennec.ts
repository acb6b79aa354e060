import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { controlRequest, masterToken, type ApiResponse } from "../../tests/support/control-api";

export const env = () => ({
  url: process.env.FENNEC_E2E_URL!,
  admin: { email: process.env.FENNEC_E2E_ADMIN_EMAIL!, password: process.env.FENNEC_E2E_ADMIN_PASSWORD! },
  bootstrapClient: { id: process.env.FENNEC_E2E_CLIENT_ID!, secret: process.env.FENNEC_E2E_CLIENT_SECRET! },
});

export const test = base.extend({
  baseURL: async ({}, provide) => provide(env().url),
});
export { expect };

export async function signIn(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("E-mail").fill(env().admin.email);
  await page.getByLabel("Password").fill(env().admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/control\/[^/]+\/[^/]+\/applications$/);
}

const shots = path.resolve(import.meta.dirname, "../../test-results/screenshots");

/** A full-page screenshot of a main screen, kept as a test artifact. */
export async function screenshot(page: Page, name: string) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** A Control API call on the e2e server with the bootstrap client's token, to seed what a spec needs. */
export async function controlApi(method: string, path: string, body?: unknown): Promise<ApiResponse<Record<string, unknown>>> {
  const token = await masterToken(env().url, env().bootstrapClient);
  return controlRequest(env().url, path, { method, token, body });
}
