#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests, a production build, integration tests on PGlite and on PostgreSQL
// (when TEST_DATABASE_URL is set or a server answers on 127.0.0.1:5432), each followed by the protocol
// folders again through the Next.js route handlers (FENNEC_FAST_MOUNT=off), then Playwright in Chromium.
// Each stage prints its elapsed time and the number of test servers it started; a PostgreSQL pass that
// cannot run counts its tests as skipped (and fails the run when CI is set).
// Ends with one line "Tests: N passed, N failed, N skipped".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const bin = (n) => path.join(root, "node_modules", ".bin", n);
const reports = fs.mkdtempSync(path.join(os.tmpdir(), "fennec-test-reports-"));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];
const stages = [];
const started = Date.now();
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// tests/support/server.ts appends a line to this file for every server it starts
function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`);
  const serverLog = path.join(reports, `servers-${stages.length}.txt`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, FENNEC_TEST_SERVER_COUNT_FILE: serverLog, ...env } });
  const servers = fs.existsSync(serverLog) ? fs.readFileSync(serverLog, "utf8").split("\n").filter(Boolean).length : 0;
  stages.push({ name, ms: Date.now() - t0, servers });
  console.log(`--- ${name}: ${r.status === 0 ? "ok" : "FAILED"} in ${seconds(Date.now() - t0)}, ${servers} test server(s) started`);
  if (r.status !== 0) failures.push(name);
  return r.status === 0;
}

function countVitest(file) {
  if (!fs.existsSync(file)) return;
  const j = JSON.parse(fs.readFileSync(file, "utf8"));
  totals.passed += j.numPassedTests;
  totals.failed += j.numFailedTests;
  totals.skipped += j.numPendingTests + (j.numTodoTests ?? 0);
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return;
  const s = JSON.parse(fs.readFileSync(file, "utf8")).stats;
  totals.passed += s.expected + (s.flaky ?? 0);
  totals.failed += s.unexpected;
  totals.skipped += s.skipped;
}

/** How many tests a vitest pass holds, without running it (nor starting its shared server). */
function countTests(config, env, files = []) {
  const out = path.join(reports, `list-${Date.now()}.json`);
  spawnSync(bin("vitest"), ["list", "--config", config, `--json=${out}`, ...files], {
    cwd: root,
    stdio: "ignore",
    env: { ...process.env, ...env, FENNEC_TEST_COLLECT_ONLY: "1" },
  });
  return fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, "utf8")).length : 0;
}

const vitest = (name, config, env = {}, files = []) => {
  const out = path.join(reports, `${name.replace(/\W+/g, "-")}.json`);
  const args = ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${out}`, ...files];
  if (config) args.push("--config", config);
  step(name, bin("vitest"), args, env);
  countVitest(out);
};

async function postgresReachable() {
  if (process.env.TEST_DATABASE_URL) return true;
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port: 5432 });
    s.setTimeout(1000);
    s.on("connect", () => (s.destroy(), resolve(true)));
    s.on("error", () => resolve(false));
    s.on("timeout", () => (s.destroy(), resolve(false)));
  });
}

const only = process.env.FENNEC_TEST_ONLY?.split(",");
const want = (k) => !only || only.includes(k);

if (want("typecheck")) step("typecheck", bin("tsc"), ["--noEmit"]);
if (want("lint")) step("lint", bin("eslint"), ["."]);
if (want("unit")) vitest("unit tests", undefined);
const built = want("build") ? step("production build", "npm", ["run", "build"]) : true;
// The protocol folders run a second time with FENNEC_FAST_MOUNT=off: every test server then answers the
// protocol endpoints through the Next.js route handlers instead of the fast mount.
const PROTOCOL_TESTS = ["tests/integration/token", "tests/integration/keys", "tests/integration/health.test.ts"];
if (built) {
  // built just now: the integration and e2e set-ups need not check the build's age again
  const skipBuild = want("build") ? { FENNEC_TEST_SKIP_BUILD: "1" } : {};
  const integration = (db, label) => {
    vitest(`integration tests on ${label}`, "vitest.integration.config.ts", { ...skipBuild, FENNEC_TEST_DB: db });
    if (want("route-handlers")) {
      vitest(`integration tests on ${label}, route handlers (FENNEC_FAST_MOUNT=off)`, "vitest.integration.config.ts", { ...skipBuild, FENNEC_TEST_DB: db, FENNEC_FAST_MOUNT: "off" }, PROTOCOL_TESTS);
    }
  };
  if (want("pglite")) integration("pglite", "PGlite");
  if (want("postgres")) {
    if (await postgresReachable()) integration("postgres", "PostgreSQL");
    else {
      const env = { FENNEC_TEST_DB: "postgres" };
      let skipped = countTests("vitest.integration.config.ts", env);
      if (want("route-handlers")) skipped += countTests("vitest.integration.config.ts", env, PROTOCOL_TESTS);
      totals.skipped += skipped;
      console.log(`\n=== integration tests on PostgreSQL: ${skipped} tests skipped (no server on 127.0.0.1:5432 and no TEST_DATABASE_URL) ===`);
      if (process.env.CI) failures.push("integration tests on PostgreSQL (unreachable, and CI is set)");
    }
  }
  if (want("e2e")) {
    const out = path.join(reports, "playwright.json");
    step("end-to-end tests in Chromium", bin("playwright"), ["test"], { ...skipBuild, PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    countPlaywright(out);
  }
}

console.log("\nStages:");
for (const st of stages) console.log(`  ${seconds(st.ms).padStart(9)}  ${String(st.servers).padStart(3)} servers  ${st.name}`);
const servers = stages.reduce((n, st) => n + st.servers, 0);
console.log(`  ${seconds(Date.now() - started).padStart(9)}  ${String(servers).padStart(3)} servers  in all`);
console.log(failures.length ? `\nFailed steps: ${failures.join(", ")}` : "\nAll steps passed.");
if (failures.length && totals.failed === 0) totals.failed = failures.length;
console.log(`Tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length ? 1 : 0);
