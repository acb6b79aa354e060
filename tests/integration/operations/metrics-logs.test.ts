import parsePrometheusTextFormat from "parse-prometheus-text-format";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedServer } from "../../support/fennec";
import { startServer, type TestServer } from "../../support/server";
import { controlClient } from "../../support/control-api";

// GET /metrics and the request log lines (README "Operations"), through HTTP on a server of its own,
// on whichever mount the run uses (FENNEC_FAST_MOUNT).

const METRICS_TOKEN = "metrics-token-0123456789abcdef";
const boot = { id: "ops-admin", secret: "ops-admin-secret-0123456789abcdef" };
const FORM = { "content-type": "application/x-www-form-urlencoded" };

type Family = { name: string; type: string; metrics: { labels?: Record<string, string>; value?: string; buckets?: object }[] };

let server: TestServer;
let secret: string;
let control: Awaited<ReturnType<typeof controlClient>>;

const token = (body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/ops/prod/oauth/token`, { method: "POST", headers: { ...FORM, ...headers }, body: new URLSearchParams(body) });

async function scrape(): Promise<Family[]> {
  const r = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(r.status).toBe(200);
  expect(r.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheusTextFormat(await r.text()) as Family[];
}

const value = (families: Family[], name: string, labels: Record<string, string> = {}) =>
  families
    .find((f) => f.name === name)
    ?.metrics.filter((m) => Object.entries(labels).every(([k, v]) => m.labels?.[k] === v))
    .reduce((n, m) => n + Number(m.value), 0);

function logLines(): Record<string, unknown>[] {
  return server
    .logs()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

async function lineFor(requestId: string) {
  for (let i = 0; i < 50; i++) {
    const line = logLines().find((l) => l.request_id === requestId && l.event === "request");
    if (line) return line;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no log line for ${requestId}`);
}

beforeAll(async () => {
  server = await startServer({
    // one process: with workers each serves its own metrics, and a scrape reaches one of them
    env: { FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret, FENNEC_METRICS_TOKEN: METRICS_TOKEN, FENNEC_WORKERS: "1" },
  });
  control = await controlClient(server.url, boot);
  await control.call("POST", "tenants", { name: "ops" });
  await control.call("POST", "ops/tracks", { name: "prod" });
  await control.call("POST", "ops/prod/parties", { name: "svc", client: { auth_method: "client_secret_post" } });
  secret = ((await control.call("POST", "ops/prod/parties/svc/secrets", {})) as { secret: string }).secret;
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

describe("GET /metrics", () => {
  it("is off (404) while neither FENNEC_METRICS_TOKEN nor FENNEC_METRICS_ALLOW is set", async () => {
    const r = await fetch(`${sharedServer().url}/metrics`);
    expect(r.status).toBe(404);
  });

  it("refuses a request without the bearer token (401) or with a wrong one (403)", async () => {
    const none = await fetch(`${server.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain("fennec_");
    const wrong = await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789abcdef" } });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain("fennec_");
  });

  it("counts token requests by registered client and outcome, and the rest of the issue's series", async () => {
    const ok = await token({ grant_type: "client_credentials", client_id: "svc", client_secret: secret });
    expect(ok.status).toBe(200);
    expect((await token({ grant_type: "client_credentials", client_id: "svc", client_secret: "wrong-secret-0123456789abcdef" })).status).toBe(401);
    // an attacker-chosen client id never becomes a label
    expect((await token({ grant_type: "client_credentials", client_id: "made-up-client-x1", client_secret: "x".repeat(30) })).status).toBe(401);
    const f = await scrape();
    const tokens = { tenant: "ops", track: "prod" };
    expect(value(f, "fennec_token_requests_total", { ...tokens, client: "svc", outcome: "issued" })).toBe(1);
    expect(value(f, "fennec_token_requests_total", { ...tokens, client: "svc", outcome: "invalid_client" })).toBe(1);
    expect(value(f, "fennec_token_requests_total", { ...tokens, client: "", outcome: "invalid_client" })).toBe(1);
    const clients = new Set(f.find((x) => x.name === "fennec_token_requests_total")!.metrics.map((m) => m.labels?.client));
    expect(clients.has("made-up-client-x1")).toBe(false);
    expect(f.find((x) => x.name === "fennec_token_request_duration_seconds")?.type).toBe("HISTOGRAM");
    expect(value(f, "fennec_client_auth_argon2_total")).toBeGreaterThanOrEqual(3);
    expect(value(f, "fennec_cache_hits_total", { cache: "track" })).toBeGreaterThan(0);
    expect(f.find((x) => x.name === "fennec_cache_misses_total")).toBeDefined();
    expect(value(f, "fennec_change_feed_lag_seconds")).toBeLessThan(60);
    expect(value(f, "fennec_signing_key_expiry_seconds", tokens)).toBeGreaterThan(86_400);
    expect(value(f, "fennec_control_api_requests_total", { route: "/api/control/{tenant}/{track}/parties", method: "POST", status: "201" })).toBe(1);
    expect(f.find((x) => x.name === "process_cpu_user_seconds_total")).toBeDefined();
  });
});

describe("request log lines", () => {
  it("one JSON line per token request with the issue's fields, an id of our own unless a trusted proxy sent one, and no secret", async () => {
    const ok = await token({ grant_type: "client_credentials", client_id: "svc", client_secret: secret }, { "x-request-id": "client-chosen-id" });
    expect(ok.status).toBe(200);
    const accessToken = ((await ok.json()) as { access_token: string }).access_token;
    const id = ok.headers.get("x-request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/); // no trusted proxy here: the client's id is not taken
    const line = await lineFor(id);
    expect(line).toMatchObject({ level: 30, method: "POST", route: "/[tenant]/[track]/oauth/token", status: 200, tenant: "ops", track: "prod", client_id: "svc" });
    expect(typeof line.time).toBe("string");
    expect(typeof line.duration_ms).toBe("number");
    expect(line.error).toBeUndefined();

    const bad = await token({ grant_type: "client_credentials", client_id: "svc", client_secret: "wrong-secret-0123456789abcdef" });
    expect(await lineFor(bad.headers.get("x-request-id")!)).toMatchObject({ status: 401, client_id: "svc", error: "invalid_client" });

    const all = server.logs();
    expect(all).not.toContain("usage_flush_failed");
    for (const s of [secret, accessToken, boot.secret, "wrong-secret-0123456789abcdef", METRICS_TOKEN]) expect(all).not.toContain(s);
  });

  it("start-up and other notable events are JSON lines too, with an event name; only lines for the person starting Fennec are plain text", () => {
    const plain = server
      .logs()
      .split("\n")
      .filter((l) => l.startsWith("Fennec"));
    // (Next.js prints one plain line of its own at start-up: "✓ Running next.config.js took …")
    for (const l of plain) expect(l).toMatch(/^(Fennec: opened the embedded database in |Fennec: created admin user )/);
    const events = logLines();
    expect(events.find((l) => l.event === "listening")).toMatchObject({ level: 30, port: Number(new URL(server.url).port), msg: expect.stringMatching(/^Fennec: listening on port /) });
    expect(events.find((l) => l.event === "bootstrapped")).toMatchObject({ level: 30 });
    expect(events.find((l) => l.event === "change_feed_started")).toMatchObject({ level: 30 });
  });

  it("a Control API request: its line names the route template and the client, and its audit event carries the request id", async () => {
    const r = await fetch(`${server.url}/api/control/ops/prod/parties`, {
      method: "POST",
      headers: { authorization: `Bearer ${control.token}`, "content-type": "application/json" },
      body: JSON.stringify({ name: "audited", client: { auth_method: "client_secret_post" } }),
    });
    expect(r.status).toBe(201);
    const id = r.headers.get("x-request-id")!;
    expect(id).toBeTruthy();
    expect(await lineFor(id)).toMatchObject({
      method: "POST",
      route: "/api/control/{tenant}/{track}/parties",
      status: 201,
      tenant: "ops",
      track: "prod",
      client_id: boot.id,
    });
    const audit = (await control.call("GET", "ops/audit")) as { data: { action: string; target_name: string; request_id: string | null }[] };
    expect(audit.data.find((e) => e.target_name === "audited")?.request_id).toBe(id);
    expect(server.logs()).not.toContain(control.token);
  });
});

describe("behind a trusted proxy, with an address allow list", () => {
  let proxied: TestServer;
  beforeAll(async () => {
    proxied = await startServer({ env: { FENNEC_TRUSTED_PROXIES: "127.0.0.1,::1", FENNEC_METRICS_ALLOW: "127.0.0.1,::1" } });
  }, 180_000);
  afterAll(async () => {
    await proxied?.stop();
  });

  it("takes the proxy's X-Request-Id and serves /metrics to an allowed address, not to another one", async () => {
    const r = await fetch(`${proxied.url}/healthz`, { headers: { "x-request-id": "edge-7f3a" } });
    expect(r.headers.get("x-request-id")).toBe("edge-7f3a");
    expect((await fetch(`${proxied.url}/metrics`)).status).toBe(200);
    // the proxy says the client is elsewhere: not in the allow list
    expect((await fetch(`${proxied.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.9" } })).status).toBe(403);
  });
});
