// The servers the bench measures, each started as its own process group on a free port.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort, ROOT, startProcess, type Running } from "./servers";

export const DIST = process.env.FENNEC_DIST_DIR || ".next-bench";
const BOOT = { id: "bench-admin", secret: "bench-admin-secret-0123456789abcdef" };
export const CLIENT = "bench-client";
export const FORM = "grant_type=client_credentials&scope=bench-api%3Aread";
export const FORM_HEADERS = { "content-type": "application/x-www-form-urlencoded" };
export const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

/** A measured request: one URL, method POST, fixed headers and body. */
export type Endpoint = { url: string; headers: Record<string, string>; body: string };
export type Fennec = {
  server: Running;
  stop: () => Promise<void>;
  control: (method: string, p: string, body?: unknown) => Promise<Record<string, unknown>>;
  tokenUrl: (tenant: string, track: string) => string;
  /** a client_secret_basic client granted `{resource}:read`, with its first secret */
  client: (track: string, name: string, resource: string) => Promise<Endpoint>;
};

export async function token(e: Endpoint): Promise<string> {
  const r = await fetch(e.url, { method: "POST", headers: e.headers, body: e.body });
  const text = await r.text();
  if (r.status !== 200) throw new Error(`token request to ${e.url}: ${r.status} ${text}`);
  return (JSON.parse(text) as { access_token: string }).access_token;
}

/** Fennec through `npm start` on a fresh PGlite folder (or DATABASE_URL), as an operator would run it. */
export async function startFennec(name: string, env: Record<string, string> = {}): Promise<Fennec> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fennec-bench-"));
  const server = await startProcess(name, "node", ["scripts/start.mjs"], {
    cwd: ROOT,
    port,
    env: { FENNEC_DATA_DIR: dataDir, FENNEC_DIST_DIR: DIST, FENNEC_BOOTSTRAP_CLIENT_ID: BOOT.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: BOOT.secret, ...env },
    ready: async (u) => (await fetch(`${u}/readyz`)).status === 200,
  });
  const adminForm = new URLSearchParams({ grant_type: "client_credentials", client_id: BOOT.id, client_secret: BOOT.secret, scope: "control_api:master" });
  const admin = await token({ url: `${server.url}/master/master/oauth/token`, headers: FORM_HEADERS, body: adminForm.toString() });
  const control = async (method: string, p: string, body?: unknown) => {
    const r = await fetch(`${server.url}/api/control/${p}`, {
      method,
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (r.status >= 300) throw new Error(`Control API ${method} ${p}: ${r.status} ${await r.text()}`);
    return (await r.json()) as Record<string, unknown>;
  };
  const tokenUrl = (tenant: string, track: string) => `${server.url}/${tenant}/${track}/oauth/token`;
  const client = async (track: string, clientName: string, resource: string) => {
    const created = await control("POST", `master/${track}/parties`, {
      name: clientName,
      client: { auth_method: "client_secret_basic", resource_scopes: [{ resource, scopes: ["read"] }] },
    });
    return {
      url: tokenUrl("master", track),
      headers: { ...FORM_HEADERS, authorization: basic(clientName, created.secret as string) },
      body: `grant_type=client_credentials&scope=${resource}%3Aread`,
    };
  };
  const stop = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { server, stop, control, tokenUrl, client };
}

/** The measured Fennec client: made through the Control API, argon2id secret, client_secret_basic. */
export async function benchClient(f: Fennec, track = "master", resource = "bench-api"): Promise<Endpoint> {
  await f.control("POST", `master/${track}/parties`, { name: resource, resource: { scopes: ["read"] } });
  return f.client(track, CLIENT, resource);
}

export async function startOidcProvider(): Promise<{ server: Running; endpoint: Endpoint }> {
  const port = await freePort();
  const secret = "oidc-provider-bench-secret-0123456789";
  const server = await startProcess("node-oidc-provider", "node", [path.join(ROOT, "scripts/bench/oidc-provider-server.mjs")], {
    cwd: ROOT,
    port,
    env: { BENCH_CLIENT_ID: CLIENT, BENCH_CLIENT_SECRET: secret },
    ready: async (u) => (await fetch(`${u}/.well-known/openid-configuration`)).status === 200,
  });
  const headers = { ...FORM_HEADERS, authorization: basic(CLIENT, secret) };
  return { server, endpoint: { url: `${server.url}/token`, headers, body: "grant_type=client_credentials&scope=read&resource=urn%3Afennec%3Abench-api" } };
}

export async function startFloor(): Promise<{ server: Running; endpoint: Endpoint }> {
  const port = await freePort();
  const server = await startProcess("floor", "node", [path.join(ROOT, "scripts/bench/floor-server.mjs")], {
    cwd: ROOT,
    port,
    env: {},
    ready: async (u) => (await fetch(u, { method: "POST" })).status === 200,
  });
  return { server, endpoint: { url: `${server.url}/master/master/oauth/token`, headers: FORM_HEADERS, body: FORM } };
}
