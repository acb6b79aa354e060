import fs from "node:fs";
import path from "node:path";
import { test as base, expect, type Page } from "@playwright/test";

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

export async function tokenRequest(tokenEndpoint: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const r = await fetch(tokenEndpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form),
  });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

/** A Control API call with the bootstrap client's token, to seed what a spec needs. */
export async function controlApi(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const t = await tokenRequest(`${env().url}/master/master/oauth/token`, {
    grant_type: "client_credentials",
    client_id: env().bootstrapClient.id,
    client_secret: env().bootstrapClient.secret,
    scope: "control_api:master",
  });
  const r = await fetch(`${env().url}/api/control${path}`, {
    method,
    headers: { authorization: `Bearer ${t.body.access_token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  return { status: r.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
