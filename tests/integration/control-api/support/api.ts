/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by assertions and the zod view schemas; loose types keep the tests readable */
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { bootstrapToken, sharedServer } from "../../support/fennec";

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T };

/** One Control API call; `body` objects go as JSON, strings and FormData as they are. */
export async function api<T = any>(
  path: string,
  opts: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData || typeof opts.body === "string") body = opts.body;
  else if (opts.body !== undefined) {
    body = JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const r = await fetch(`${sharedServer().url}/api/control${path}`, { method: opts.method ?? "GET", headers, body });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {}
  return { status: r.status, headers: r.headers, body: parsed as T };
}

let masterToken: string | undefined;
export async function master(): Promise<string> {
  masterToken ??= await bootstrapToken("control_api:master");
  return masterToken;
}

export const uniqueName = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

/** The token route's answer for a client-credentials request with a form body. */
export async function tokenRequest(tenant: string, track: string, form: Record<string, string>, headers: Record<string, string> = {}) {
  const r = await fetch(`${sharedServer().url}/${tenant}/${track}/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams(form),
  });
  return { status: r.status, body: (await r.json()) as Record<string, any> };
}

export function expectProblem(r: ApiResponse, status: number) {
  expect(r.status, JSON.stringify(r.body)).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  expect(r.body).toMatchObject({ status, type: expect.any(String), title: expect.any(String), instance: expect.any(String) });
  expect(JSON.stringify(r.body)).not.toMatch(/\bat .*\.(js|ts):\d+/);
}

export function decodePayload(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
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

/**
 * A request whose path is sent exactly as written: fetch (WHATWG URL) would resolve "..", "%2e%2e" and
 * friends before sending, as a browser does, so an attacker's raw path needs node:http.
 */
export async function rawRequest(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  const { port } = new URL(sharedServer().url);
  const http = await import("node:http");
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (text += d));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
    });
    req.on("error", reject);
    req.end(body);
  });
}
