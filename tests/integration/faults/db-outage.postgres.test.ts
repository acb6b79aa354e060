import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "../../support/control-api";
import { basicHeader, postToken } from "../../support/token";
import { createTestDatabase, dropTestDatabase, startServer, testKek, type TestServer } from "../../support/server";
import { startTcpProxy, type TcpProxy } from "./support/tcp-proxy";

// PostgreSQL goes away while Fennec serves (a TCP proxy in between is cut or stalled; the shared
// PostgreSQL server is never touched): warm clients keep getting tokens, since the warm path reads no
// database; cold clients, the Control API and /readyz answer 503 promptly, in their formats; when the
// database is back, everything works again without a restart. PostgreSQL only (PGlite is in-process).

const boot = { id: "outage-admin", secret: "outage-admin-secret-0123456789abcdef" };
let server: TestServer, proxy: TcpProxy, databaseUrl: string;
let control: Awaited<ReturnType<typeof controlClient>>;
const secrets: Record<string, string> = {};

// Generous against a loaded machine, yet far below a hang: the server bounds every database wait (README
// "Failure behaviour").
const PROMPT_MS = 30_000;

const token = (client: string) =>
  postToken(`${server.url}/master/master/oauth/token`, { grant_type: "client_credentials", scope: "api1:read" }, { authorization: basicHeader(client, secrets[client]) });

async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = Date.now();
  const value = await f();
  return { ms: Date.now() - t, value };
}

async function controlGet(path: string) {
  const r = await fetch(`${server.url}/api/control/${path}`, { headers: { authorization: `Bearer ${control.token}` } });
  return { status: r.status, type: r.headers.get("content-type"), retryAfter: r.headers.get("retry-after"), text: await r.text() };
}

async function controlPost(path: string, body: unknown) {
  const r = await fetch(`${server.url}/api/control/${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${control.token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: r.status, type: r.headers.get("content-type"), text: await r.text() };
}

async function expectOutageAnswers() {
  for (let i = 0; i < 3; i++) {
    const warm = await token("warm");
    expect(warm.status, warm.text).toBe(200);
  }
  const cold = await timed(() => token("cold"));
  expect(cold.value.status, cold.value.text).toBe(503);
  expect(cold.value.body.error).toBe("server_error");
  expect(cold.value.headers.get("retry-after")).toBe("1");
  expect(cold.ms).toBeLessThan(PROMPT_MS);

  const read = await timed(() => controlGet("master/master/parties"));
  expect(read.value.status, read.value.text).toBe(503);
  expect(read.value.type).toMatch(/^application\/problem\+json/);
  expect(JSON.parse(read.value.text)).toMatchObject({ type: "urn:fennec:problem:database-unavailable", status: 503 });
  expect(read.value.retryAfter).toBeTruthy();
  expect(read.ms).toBeLessThan(PROMPT_MS);

  const write = await timed(() => controlPost("master/master/parties", { name: "during-outage", client: {} }));
  expect(write.value.status, write.value.text).toBe(503);
  expect(write.value.type).toMatch(/^application\/problem\+json/);
  expect(write.ms).toBeLessThan(PROMPT_MS);

  const ready = await timed(() => fetch(`${server.url}/readyz`));
  console.log(`db-outage: cold token ${cold.ms} ms, Control API read ${read.ms} ms, write ${write.ms} ms, /readyz ${ready.ms} ms`);
  expect(ready.value.status).toBe(503);
  expect(((await ready.value.json()) as { database: string }).database).toBe("down");
  expect(ready.ms).toBeLessThan(PROMPT_MS);
}

async function expectRecovered() {
  const deadline = Date.now() + 60_000;
  let ready = 0;
  while (Date.now() < deadline && ready !== 200) {
    ready = (await fetch(`${server.url}/readyz`)).status;
    if (ready !== 200) await new Promise((r) => setTimeout(r, 250));
  }
  expect(ready).toBe(200);
  const cold = await token("cold");
  expect(cold.status, cold.text).toBe(200);
  expect((await token("warm")).status).toBe(200);
  const read = await controlGet("master/master/parties/cold");
  expect(read.status, read.text).toBe(200);
  const name = `after-${Date.now()}`;
  expect((await controlPost("master/master/parties", { name, client: {} })).status).toBe(201);
  expect((await controlGet(`master/master/parties/${name}`)).status).toBe(200);
  expect((await controlGet("master/master/parties/during-outage")).status).toBe(404); // refused writes left nothing
}

describe("PostgreSQL outage while serving", () => {
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    proxy = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(databaseUrl).port || 5432) });
    const viaProxy = new URL(databaseUrl);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port);
    server = await startServer({
      db: "postgres",
      databaseUrl: viaProxy.toString(),
      // one process, so that "warm" means warm for every request
      env: { FENNEC_WORKERS: "1", FENNEC_KEY_ENCRYPTION_KEY: testKek(), FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret },
    });
    control = await controlClient(server.url, boot);
    await control.call("POST", "master/master/parties", { name: "api1", resource: { scopes: ["read"] } });
    for (const name of ["warm", "cold"]) {
      await control.call("POST", "master/master/parties", { name, client: { auth_method: "client_secret_basic", resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
      secrets[name] = ((await control.call("POST", `master/master/parties/${name}/secrets`, {})) as { secret: string }).secret;
    }
    for (let i = 0; i < 2; i++) expect((await token("warm")).status).toBe(200);
  });

  afterAll(async () => {
    await server?.stop();
    await proxy?.close();
    if (databaseUrl) await dropTestDatabase(databaseUrl);
  });

  it("cut: warm tokens go on, the rest is a prompt 503, and it all recovers without a restart", async () => {
    await proxy.cut();
    await expectOutageAnswers();
    await proxy.restore();
    await expectRecovered();
    expect(server.logs()).not.toMatch(/at \w+ \(|secret_hash|\$argon2/); // errors logged without stacks or secrets
  });

  it("stall: a database that accepts but never answers is bounded the same way", async () => {
    for (let i = 0; i < 2; i++) expect((await token("warm")).status).toBe(200);
    proxy.stall();
    await expectOutageAnswers();
    await proxy.restore();
    await expectRecovered();
  });
});
