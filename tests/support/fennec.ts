/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by assertions and the zod view schemas; loose types keep the tests readable */
import { randomBytes } from "node:crypto";
import { expect, inject } from "vitest";
import { controlRequest, masterToken, type ApiResponse } from "./control-api";
import { clientCredentialsToken } from "./token";

// The integration suite's view of its shared server (tests/support/global-setup.ts).

/** The shared test server and its bootstrap client (FENNEC_BOOTSTRAP_CLIENT_ID, granted control_api:master). */
export function sharedServer() {
  return inject("fennec");
}

/** The shared server's token endpoint of a track. */
export const tokenEndpoint = (tenant: string, track: string) => `${sharedServer().url}/${tenant}/${track}/oauth/token`;

/** A client-credentials token for the bootstrap client, to call the Control API with. */
export async function bootstrapToken(scope = "control_api:master"): Promise<string> {
  return clientCredentialsToken(tokenEndpoint("master", "master"), sharedServer().bootstrapClient, scope);
}

let cachedMaster: string | undefined;
export async function master(): Promise<string> {
  cachedMaster ??= await masterToken(sharedServer().url, sharedServer().bootstrapClient);
  return cachedMaster;
}

/** One Control API call on the shared server. */
export const api = <T = any>(path: string, opts: Parameters<typeof controlRequest>[2] = {}): Promise<ApiResponse<T>> =>
  controlRequest<T>(sharedServer().url, path, opts);

export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export function expectProblem(r: ApiResponse, status: number) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), instance: expect.any(String) });
  expect(JSON.stringify(r.body)).not.toMatch(/\bat .*\.(js|ts):\d+/);
}

/** Waits out the change feed (about a second between instances' polls) for a condition to hold. */
export async function eventually<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  let v = await fn();
  while (!ok(v) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    v = await fn();
  }
  return v;
}
