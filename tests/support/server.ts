import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

// Starts Fennec exactly as the README does (`node scripts/start.mjs` on a production build), on a fresh
// PGlite folder or a fresh PostgreSQL database of its own.

export type DbMode = "pglite" | "postgres";
export const dbMode = (): DbMode => (process.env.FENNEC_TEST_DB === "postgres" ? "postgres" : "pglite");
export const root = path.resolve(import.meta.dirname, "../..");
const pgBase = () => process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

export type TestServer = {
  url: string;
  /** the process group of the whole server (npm start and what it runs) */
  pid: number;
  port: number;
  env: Record<string, string>;
  logs: () => string;
  stop: () => Promise<void>;
  /** SIGKILL the whole process group, as a crash would. */
  kill9: () => Promise<void>;
  exited: Promise<number | null>;
};

export type StartOptions = {
  db?: DbMode;
  env?: Record<string, string>;
  /** Reuse a data folder or database (a restart); otherwise a fresh one is made. */
  dataDir?: string;
  databaseUrl?: string;
  /** Resolve once the process has started, without waiting for /readyz. */
  noWait?: boolean;
  keepData?: boolean;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

export async function createTestDatabase(): Promise<string> {
  const name = `fennec_test_${randomBytes(6).toString("hex")}`;
  const c = new pg.Client({ connectionString: pgBase() });
  await c.connect();
  await c.query(`CREATE DATABASE ${name}`);
  await c.end();
  const u = new URL(pgBase());
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropTestDatabase(url: string) {
  const name = new URL(url).pathname.slice(1);
  const c = new pg.Client({ connectionString: pgBase() });
  await c.connect();
  await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
  await c.end();
}

export const newDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "fennec-test-"));
export const testKek = () => randomBytes(32).toString("hex");

/** scripts/test.mjs counts the servers a run starts: one line per start in this file. */
function countStart() {
  const file = process.env.FENNEC_TEST_SERVER_COUNT_FILE;
  if (file) fs.appendFileSync(file, `${process.pid}\n`);
}

export async function startServer(opts: StartOptions = {}): Promise<TestServer> {
  const mode = opts.db ?? dbMode();
  countStart();
  const port = await freePort();
  const dataDir = opts.dataDir ?? newDataDir();
  const databaseUrl = mode === "postgres" ? (opts.databaseUrl ?? (await createTestDatabase())) : undefined;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "/tmp",
    NODE_ENV: "production",
    PORT: String(port),
    FENNEC_DATA_DIR: dataDir,
    ...(process.env.FENNEC_DIST_DIR ? { FENNEC_DIST_DIR: process.env.FENNEC_DIST_DIR } : {}),
    // the suite runs once per mount (scripts/test.mjs): FENNEC_FAST_MOUNT=off serves through the route handlers
    ...(process.env.FENNEC_FAST_MOUNT ? { FENNEC_FAST_MOUNT: process.env.FENNEC_FAST_MOUNT } : {}),
    ...(process.env.FENNEC_WORKERS ? { FENNEC_WORKERS: process.env.FENNEC_WORKERS } : {}),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl, FENNEC_KEY_ENCRYPTION_KEY: testKek() } : {}),
    ...opts.env,
  };
  let out = "";
  const child: ChildProcess = spawn("node", ["scripts/start.mjs"], { cwd: root, env: env as NodeJS.ProcessEnv, detached: true });
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  const url = `http://localhost:${port}`;
  const signalGroup = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {}
  };
  const cleanup = async () => {
    if (opts.keepData) return;
    if (databaseUrl && !opts.databaseUrl) await dropTestDatabase(databaseUrl);
    if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const server: TestServer = {
    url,
    pid: child.pid!,
    port,
    env,
    logs: () => out,
    exited,
    stop: async () => {
      signalGroup("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      signalGroup("SIGKILL");
      await cleanup();
    },
    kill9: async () => {
      signalGroup("SIGKILL");
      await exited;
    },
  };
  if (opts.noWait) return server;
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("running"), 250))]);
    if (code !== "running") throw new Error(`Fennec exited (${code}) before it was ready:\n${out}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.status === 200) return server;
    } catch {}
  }
  await server.stop();
  throw new Error(`Fennec was not ready within 90 s:\n${out}`);
}

/** A data folder or database that outlives one server, for servers started one after another on it. */
export async function sharedTarget() {
  if (dbMode() === "postgres") {
    const databaseUrl = await createTestDatabase();
    return {
      target: { databaseUrl, dataDir: newDataDir(), env: { FENNEC_KEY_ENCRYPTION_KEY: testKek() } as Record<string, string> },
      remove: () => dropTestDatabase(databaseUrl),
    };
  }
  const dataDir = newDataDir();
  return {
    target: { dataDir, databaseUrl: undefined, env: {} as Record<string, string> },
    remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** `npm run db:migrate` on a target: the migrations without the bootstrap, as an operator may run them first. */
export function migrateOnly(t: { dataDir?: string; databaseUrl?: string; env?: Record<string, string> }) {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...t.env };
  if (t.dataDir) env.FENNEC_DATA_DIR = t.dataDir;
  if (t.databaseUrl) env.DATABASE_URL = t.databaseUrl;
  execFileSync(process.execPath, ["--import", "tsx", "scripts/db-migrate.ts"], { cwd: root, stdio: "pipe", env: env as NodeJS.ProcessEnv });
}
