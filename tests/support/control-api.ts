/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by assertions and the zod view schemas; loose types keep the tests readable */
import { clientCredentialsToken } from "./token";

export type ApiResponse<T = any> = { status: number; headers: Headers; body: T };

/** One Control API call (`path` after /api/control); `body` objects go as JSON, strings and FormData as they are. */
export async function controlRequest<T = any>(
  baseUrl: string,
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
  const r = await fetch(`${baseUrl}/api/control${path}`, { method: opts.method ?? "GET", headers, body });
  const text = await r.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {}
  return { status: r.status, headers: r.headers, body: parsed as T };
}

/** The bootstrap client's control_api:master token on a server. */
export const masterToken = (baseUrl: string, bootstrap: { id: string; secret: string }) =>
  clientCredentialsToken(`${baseUrl}/master/master/oauth/token`, bootstrap, "control_api:master");

/** A Control API client for fixtures with the bootstrap client's token: `call` throws on anything but 2xx. */
export async function controlClient(baseUrl: string, bootstrap: { id: string; secret: string }) {
  const token = await masterToken(baseUrl, bootstrap);
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await controlRequest(baseUrl, `/${path}`, { method, token, body });
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  return { call, token };
}
