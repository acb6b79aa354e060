// npm run bench: Fennec's token route against the framework floor and node-oidc-provider, measured in
// one run with autocannon, the same connections and duration, one server at a time (2 cores).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon, { type Result } from "autocannon";
import { ensureBuild, freePort, ROOT, startProcess, type Running } from "./servers";

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SLICE = Number(process.env.BENCH_SLICE ?? 5);
const WARMUP = 3;
const DIST = process.env.FENNEC_DIST_DIR || ".next-bench";
const FLOOR_DIR = path.join(ROOT, "scripts/bench/floor-app");
const BOOT = { id: "bench-admin", secret: "bench-admin-secret-0123456789abcdef" };
const CLIENT = "bench-client";
const form = "grant_type=client_credentials&scope=bench-api%3Aread";
const formHeaders = { "content-type": "application/x-www-form-urlencoded" };
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString("base64")}`;

type Target = { name: string; short: string; start: () => Promise<{ server: Running; url: string; headers: Record<string, string>; body?: string }> };

async function startFennec() {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fennec-bench-"));
  const server = await startProcess("Fennec", "node", ["scripts/start.mjs"], {
    cwd: ROOT,
    port,
    env: { FENNEC_DATA_DIR: dataDir, FENNEC_DIST_DIR: DIST, FENNEC_BOOTSTRAP_CLIENT_ID: BOOT.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: BOOT.secret },
    ready: async (u) => (await fetch(`${u}/readyz`)).status === 200,
  });
  // the measured client is made as an operator would: through the Control API, argon2id secret
  const adminForm = new URLSearchParams({ grant_type: "client_credentials", client_id: BOOT.id, client_secret: BOOT.secret, scope: "control_api:master" });
  const admin = await token(`${server.url}/master/master/oauth/token`, {}, adminForm.toString());
  const control = (p: string, body: unknown) =>
    fetch(`${server.url}/api/control/master/master/${p}`, {
      method: "POST",
      headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }).then(async (r) => {
      if (r.status >= 300) throw new Error(`Control API ${p}: ${r.status} ${await r.text()}`);
      return r.json();
    });
  await control("parties", { name: "bench-api", resource: { scopes: ["read"] } });
  await control("parties", { name: CLIENT, client: { auth_method: "client_secret_basic", resource_scopes: [{ resource: "bench-api", scopes: ["read"] }] } });
  const { secret } = (await control(`parties/${CLIENT}/secrets`, {})) as { secret: string };
  const stop = async () => {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { server: { ...server, stop }, url: `${server.url}/master/master/oauth/token`, headers: { ...formHeaders, authorization: basic(CLIENT, secret) }, body: form };
}

async function startFloor() {
  const port = await freePort();
  const server = await startProcess("floor app", path.join(ROOT, "node_modules/.bin/next"), ["start", "-p", String(port)], {
    cwd: FLOOR_DIR,
    port,
    env: {},
    ready: async (u) => (await fetch(`${u}/master/master/oauth/token`, { method: "POST" })).status === 200,
  });
  return { server, url: `${server.url}/master/master/oauth/token`, headers: formHeaders, body: form };
}

async function startFloorReadingBody() {
  const floor = await startFloor();
  return { ...floor, url: floor.url.replace(/token$/, "token-read-body") };
}

async function startOidcProvider() {
  const port = await freePort();
  const secret = "oidc-provider-bench-secret-0123456789";
  const server = await startProcess("node-oidc-provider", "node", [path.join(ROOT, "scripts/bench/oidc-provider-server.mjs")], {
    cwd: ROOT,
    port,
    env: { BENCH_CLIENT_ID: CLIENT, BENCH_CLIENT_SECRET: secret },
    ready: async (u) => (await fetch(`${u}/.well-known/openid-configuration`)).status === 200,
  });
  const headers = { ...formHeaders, authorization: basic(CLIENT, secret) };
  return { server, url: `${server.url}/token`, headers, body: "grant_type=client_credentials&scope=read&resource=urn%3Afennec%3Abench-api" };
}

async function token(url: string, headers: Record<string, string>, body: string): Promise<string> {
  const r = await fetch(url, { method: "POST", headers: { ...formHeaders, ...headers }, body });
  const text = await r.text();
  if (r.status !== 200) throw new Error(`token request to ${url}: ${r.status} ${text}`);
  return (JSON.parse(text) as { access_token: string }).access_token;
}

type Started = Awaited<ReturnType<Target["start"]>>;

async function prepare(t: Target): Promise<Started> {
  const started = await t.start();
  const jwt = await token(started.url, started.headers, started.body ?? "");
  const header = JSON.parse(Buffer.from(jwt.split(".")[0], "base64url").toString()) as { alg: string; typ?: string };
  console.log(`${t.name}: ready, sample token alg=${header.alg} typ=${header.typ ?? "-"}`);
  return started;
}

async function load(t: Target, s: Started, duration: number): Promise<Result> {
  const result = await autocannon({ url: s.url, method: "POST", headers: s.headers, body: s.body, connections: CONNECTIONS, duration });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${t.name}: ${result.non2xx} non-2xx responses and ${result.errors} errors during the run`);
  }
  return result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const targets: Target[] = [
  { name: "Fennec token route (client_secret_basic, argon2id secret)", short: "Fennec", start: startFennec },
  { name: "Next.js floor (route handler that only signs the JWT)", short: "floor", start: startFloor },
  { name: "node-oidc-provider 9 (client_credentials, JWT access token)", short: "oidc-provider", start: startOidcProvider },
  { name: "Next.js floor + reading the form body", short: "floor+body", start: startFloorReadingBody },
];

ensureBuild(ROOT, DIST, { FENNEC_DIST_DIR: DIST }, ["app", "lib", "proxy.ts", "next.config.js", "instrumentation.ts"]);
ensureBuild(FLOOR_DIR, ".next-floor", {}, ["app", "sign.js", "instrumentation.js", "next.config.mjs"]);
const started: Started[] = [];
try {
  for (const t of targets) started.push(await prepare(t));
  // Interleaved rounds: on a shared 2-core machine background load comes and goes, so each round
  // measures all three back to back and the ratios are taken per round.
  console.log(`warming up ${WARMUP} s each, then ${ROUNDS} rounds of ${SLICE} s per target`);
  for (let i = 0; i < targets.length; i++) await load(targets[i], started[i], WARMUP);
  const rounds: Result[][] = [];
  const cpu = targets.map(() => 0);
  for (let r = 0; r < ROUNDS; r++) {
    const round: Result[] = [];
    for (let i = 0; i < targets.length; i++) {
      const before = started[i].server.cpuMs();
      round.push(await load(targets[i], started[i], SLICE));
      cpu[i] += started[i].server.cpuMs() - before;
    }
    rounds.push(round);
    console.log(`round ${r + 1}: ${round.map((x, i) => `${targets[i].short} ${Math.round(x.requests.average)} req/s`).join(", ")}`);
  }
  const of = (i: number) => rounds.map((round) => round[i]);
  const rps = (i: number) => of(i).reduce((n, x) => n + x["2xx"], 0) / (ROUNDS * SLICE);
  console.log(`\n${os.cpus().length} CPUs, Node ${process.version}, autocannon ${CONNECTIONS} connections, ${ROUNDS} x ${SLICE} s per target\n`);
  console.log("| target | req/s | p50 ms (median of rounds) | p99 ms (worst round) | server CPU ms per request | 2xx responses |\n|---|---|---|---|---|---|");
  targets.forEach((t, i) => {
    const p50 = median(of(i).map((x) => x.latency.p50));
    const p99 = Math.max(...of(i).map((x) => x.latency.p99));
    const ok = of(i).reduce((n, x) => n + x["2xx"], 0);
    console.log(`| ${t.name} | ${Math.round(rps(i))} | ${p50} | ${p99} | ${(cpu[i] / ok).toFixed(2)} | ${ok} |`);
  });
  const ratio = (a: number, b: number) => median(rounds.map((round) => round[a].requests.average / round[b].requests.average));
  console.log(`\nFennec / floor: ${(rps(0) / rps(1)).toFixed(2)}x overall, ${ratio(0, 1).toFixed(2)}x median of rounds (target >= 0.85x)`);
  console.log(`Fennec / node-oidc-provider: ${(rps(0) / rps(2)).toFixed(2)}x overall, ${ratio(0, 2).toFixed(2)}x median of rounds`);
  console.log(`Fennec / floor reading the body: ${(rps(0) / rps(3)).toFixed(2)}x overall, ${ratio(0, 3).toFixed(2)}x median of rounds`);
  const perReq = (i: number) => cpu[i] / of(i).reduce((n, x) => n + x["2xx"], 0);
  console.log(`CPU per request, floor / Fennec: ${(perReq(1) / perReq(0)).toFixed(2)}x; floor reading the body / Fennec: ${(perReq(3) / perReq(0)).toFixed(2)}x`);
} finally {
  for (const s of started) await s.server.stop();
}
process.exit(0);
