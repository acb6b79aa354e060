import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { countRows } from "../../support/inspect-db";
import { createTestDatabase, dbMode, dropTestDatabase, newDataDir, startServer, testKek } from "../../support/server";

const mode = dbMode();
const PASSWORD_LINE = /created admin user admin@localhost with password (\S+)/;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** A data folder or database of the test's own, reused across restarts, removed at the end. */
async function persistentTarget() {
  if (mode === "postgres") {
    const databaseUrl = await createTestDatabase();
    const kek = testKek();
    cleanups.push(() => dropTestDatabase(databaseUrl));
    return { databaseUrl, dataDir: newDataDir(), env: { FENNEC_KEY_ENCRYPTION_KEY: kek } };
  }
  const dataDir = newDataDir();
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return { dataDir, databaseUrl: undefined, env: {} as Record<string, string> };
}

const tables = ["Tenant", "Track", "SigningKey", "AdminUser", "Party", "SystemState", "_prisma_migrations"];

describe(`start-up on ${mode}`, () => {
  it("bootstraps once, prints the admin password once, and reuses the data on the next start", async () => {
    const t = await persistentTarget();
    const first = await startServer({ ...t, keepData: true });
    await first.stop();
    const password = PASSWORD_LINE.exec(first.logs())?.[1];
    expect(password).toMatch(/^[\w-]{20,}$/);

    const second = await startServer({ ...t, keepData: true });
    const discovery = await fetch(`${second.url}/readyz`);
    expect(discovery.status).toBe(200);
    await second.stop();
    expect(second.logs()).not.toMatch(PASSWORD_LINE);
    expect(second.logs()).not.toContain(password!);
    expect(second.logs()).not.toMatch(/applied \d+ migration/);

    const rows = await countRows(t, tables);
    expect(rows).toMatchObject({ Tenant: 1, Track: 1, SigningKey: 1, AdminUser: 1, Party: 1, SystemState: 1 });
  });

  it("leaves a consistent database when killed with SIGKILL during first-start bootstrap", async () => {
    const t = await persistentTarget();
    const crashing = await startServer({ ...t, keepData: true, noWait: true });
    // Bootstrap begins right after the migrations are applied: kill the whole process group then.
    const deadline = Date.now() + 60_000;
    while (!/applied \d+ migration/.test(crashing.logs()) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 5));
    }
    await crashing.kill9();

    const after = await countRows(t, ["Tenant", "Track", "SigningKey", "AdminUser", "Party"]);
    const total = Object.values(after).reduce((a, b) => a + b, 0);
    // All or nothing: either the transaction committed or it left no row at all.
    expect([0, 5]).toContain(total);

    const restarted = await startServer({ ...t, keepData: true });
    await restarted.stop();
    const printed = [crashing.logs(), restarted.logs()].filter((l) => PASSWORD_LINE.test(l)).length;
    expect(printed).toBe(1);
    expect(await countRows(t, tables)).toMatchObject({ Tenant: 1, Track: 1, SigningKey: 1, AdminUser: 1, Party: 1 });
  });

  it("stops with one clear line on a bad configuration value", async () => {
    const s = await startServer({ env: { FENNEC_PUBLIC_URL: "not a url" }, noWait: true });
    expect(await s.exited).toBe(1);
    expect(s.logs()).toMatch(/Fennec cannot start: configuration: FENNEC_PUBLIC_URL /);
    expect(s.logs()).not.toMatch(/\n\s+at /);
    await s.stop();
  });
});

describe.runIf(mode === "pglite")("start-up on PGlite: data folder problems", () => {
  it("refuses a damaged data folder and leaves it untouched", async () => {
    const dataDir = newDataDir();
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dataDir, "pgdata"));
    fs.writeFileSync(path.join(dataDir, "pgdata", "base"), "not a database");
    const s = await startServer({ dataDir, noWait: true });
    expect(await s.exited).toBe(1);
    expect(s.logs()).toMatch(/Fennec cannot start: FENNEC_DATA_DIR .* holds a damaged database/);
    expect(fs.readFileSync(path.join(dataDir, "pgdata", "base"), "utf8")).toBe("not a database");
  });

  it("refuses a second server on the same data folder", async () => {
    const t = await persistentTarget();
    const first = await startServer({ ...t, keepData: true });
    const second = await startServer({ ...t, keepData: true, noWait: true });
    expect(await second.exited).toBe(1);
    expect(second.logs()).toMatch(/another Fennec \(pid \d+\) is using the data folder/);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    await first.stop();
  });

  it("starts at once after the previous server was killed with SIGKILL (the lock dies with its holder)", async () => {
    const t = await persistentTarget();
    const first = await startServer({ ...t, keepData: true });
    await first.kill9();
    const again = await startServer({ ...t, keepData: true });
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    await again.stop();
    expect(again.logs()).not.toMatch(/another Fennec/);
  });

  it("keeps the data folder private: 0700, umask 077, open files tightened, and an open folder or key file refused", async () => {
    const t = await persistentTarget();
    fs.rmSync(t.dataDir, { recursive: true });
    const first = await startServer({ ...t, keepData: true });
    const pid = /listening on port \d+ .*pid (\d+)/.exec(first.logs())?.[1];
    expect(fs.readFileSync(`/proc/${pid}/status`, "utf8")).toMatch(/^Umask:\s+0077$/m);
    await first.stop();
    const mode = (p: string) => fs.statSync(path.join(t.dataDir, p)).mode & 0o777;
    expect(mode(".")).toBe(0o700);
    expect(mode("key-encryption.key")).toBe(0o600);
    expect(openToOthers(t.dataDir)).toEqual([]);

    fs.chmodSync(path.join(t.dataDir, "pgdata", "PG_VERSION"), 0o666);
    fs.chmodSync(path.join(t.dataDir, "pgdata", "global"), 0o755);
    const tightened = await startServer({ ...t, keepData: true });
    await tightened.stop();
    expect(mode("pgdata/PG_VERSION")).toBe(0o600);
    expect(mode("pgdata/global")).toBe(0o700);

    fs.chmodSync(t.dataDir, 0o755);
    const openFolder = await startServer({ ...t, keepData: true, noWait: true });
    expect(await openFolder.exited).toBe(1);
    expect(openFolder.logs()).toMatch(/^Fennec cannot start: the data folder .* is open to other users \(mode 0755\)\. Make it private with: chmod 700 /m);
    fs.chmodSync(t.dataDir, 0o700);

    fs.chmodSync(path.join(t.dataDir, "key-encryption.key"), 0o640);
    const openKey = await startServer({ ...t, keepData: true, noWait: true });
    expect(await openKey.exited).toBe(1);
    expect(openKey.logs()).toMatch(/^Fennec cannot start: the key file .*key-encryption\.key is open to other users \(mode 0640\)/m);
    expect(mode("key-encryption.key")).toBe(0o640); // refused, not silently changed
  });

  it("refuses to start when the key file of an existing database is missing or wrong", async () => {
    const t = await persistentTarget();
    await (await startServer({ ...t, keepData: true })).stop();
    const keyFile = path.join(t.dataDir, "key-encryption.key");
    const original = fs.readFileSync(keyFile, "utf8");

    fs.writeFileSync(keyFile, "cd".repeat(32));
    const wrong = await startServer({ ...t, keepData: true, noWait: true });
    expect(await wrong.exited).toBe(1);
    expect(wrong.logs()).toMatch(/key-encryption key .* is not the one this database was created with/);

    fs.rmSync(keyFile);
    const missing = await startServer({ ...t, keepData: true, noWait: true });
    expect(await missing.exited).toBe(1);
    expect(missing.logs()).toMatch(/key-encryption\.key is missing/);

    fs.writeFileSync(keyFile, original, { mode: 0o600 });
    const ok = await startServer({ ...t, keepData: true });
    await ok.stop();
  });
});

/** Files and folders below dir that group or others may use. */
function openToOthers(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((p) => fs.lstatSync(path.join(dir, p)).mode & 0o077);
}

describe.runIf(mode === "postgres")("start-up on PostgreSQL: server problems", () => {
  it("says so when DATABASE_URL cannot be reached", async () => {
    const s = await startServer({
      databaseUrl: "postgres://postgres@127.0.0.1:1/nowhere",
      env: { FENNEC_KEY_ENCRYPTION_KEY: testKek() },
      noWait: true,
    });
    expect(await s.exited).toBe(1);
    expect(s.logs()).toMatch(/Fennec cannot start: the database at DATABASE_URL cannot be reached/);
  });

  it("requires FENNEC_KEY_ENCRYPTION_KEY and refuses a wrong one", async () => {
    const t = await persistentTarget();
    const none = await startServer({ databaseUrl: t.databaseUrl, env: { FENNEC_KEY_ENCRYPTION_KEY: "" }, noWait: true });
    expect(await none.exited).toBe(1);
    expect(none.logs()).toMatch(/FENNEC_KEY_ENCRYPTION_KEY must be set with DATABASE_URL/);

    await (await startServer({ ...t, keepData: true })).stop();
    const wrong = await startServer({ databaseUrl: t.databaseUrl, env: { FENNEC_KEY_ENCRYPTION_KEY: testKek() }, noWait: true });
    expect(await wrong.exited).toBe(1);
    expect(wrong.logs()).toMatch(/is not the one this database was created with/);
  });

  it("applies each migration once when two instances start together", async () => {
    const t = await persistentTarget();
    const [a, b] = await Promise.all([startServer({ ...t, keepData: true }), startServer({ ...t, keepData: true })]);
    expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
    await Promise.all([a.stop(), b.stop()]);
    const migrations = fs.readdirSync("prisma/migrations").filter((d) => /^\d+_/.test(d)).length;
    expect(await countRows(t, ["_prisma_migrations", "Tenant", "AdminUser"])).toEqual({
      _prisma_migrations: migrations,
      Tenant: 1,
      AdminUser: 1,
    });
  });

  it("refuses to start over a half-applied migration and changes nothing", async () => {
    const t = await persistentTarget();
    await (await startServer({ ...t, keepData: true })).stop();
    const c = new pg.Client({ connectionString: t.databaseUrl });
    await c.connect();
    await c.query(
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count, logs)
       VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29991231000000_broken', now(), 0, 'boom')`,
    );
    await c.end();
    const s = await startServer({ ...t, keepData: true, noWait: true });
    expect(await s.exited).toBe(1);
    expect(s.logs()).toMatch(/half-applied/);
    expect(await countRows(t, ["Tenant", "_prisma_migrations"])).toMatchObject({ Tenant: 1 });
  });
});
