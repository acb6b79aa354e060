import fs from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { countRows } from "../../support/inspect-db";
import { migrateOnly, startServer, testKek } from "../../support/server";
import { PASSWORD_LINE, persistentTargets } from "../../support/targets";

// Start-up problems of a PostgreSQL server (the rest in startup.test.ts).

const cleanups: (() => Promise<void>)[] = [];
/** A data folder or database of the test's own, reused across restarts, removed at the end. */
const persistentTarget = persistentTargets(cleanups);

describe("start-up on PostgreSQL: server problems", () => {
  it("SIGKILL inside the first-start bootstrap transaction leaves no row, and the next start bootstraps once", async () => {
    const t = await persistentTarget();
    migrateOnly(t);
    // hold the table of the transaction's fifth insert: the server's transaction waits there, mid-way
    // (SHARE mode: reads go on, writes wait)
    const holder = new pg.Client({ connectionString: t.databaseUrl });
    holder.on("error", () => {});
    cleanups.unshift(() => holder.end().catch(() => {}));
    await holder.connect();
    await holder.query(`BEGIN; LOCK TABLE "AdminUser" IN SHARE MODE`);
    // another connection watches: pg_stat_activity is a snapshot for the length of a transaction
    const watcher = new pg.Client({ connectionString: t.databaseUrl });
    watcher.on("error", () => {});
    cleanups.unshift(() => watcher.end().catch(() => {}));
    await watcher.connect();
    const crashing = await startServer({ ...t, keepData: true, noWait: true });
    let pid = 0;
    for (let i = 0; i < 300 && !pid; i++) {
      const waiting = await watcher.query(
        `SELECT a.pid FROM pg_stat_activity a
         WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.wait_event_type = 'Lock'
           AND EXISTS (SELECT 1 FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
                       WHERE l.pid = a.pid AND l.granted AND c.relname = 'Tenant' AND l.mode = 'RowExclusiveLock')`,
      );
      pid = waiting.rows[0]?.pid ?? 0;
      if (!pid) await new Promise((r) => setTimeout(r, 100));
    }
    expect(pid, `the bootstrap transaction waits on AdminUser after writing Tenant:\n${crashing.logs()}`).toBeGreaterThan(0);
    await crashing.kill9();
    await holder.query("ROLLBACK");
    for (let i = 0; i < 300; i++) {
      if ((await watcher.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [pid])).rowCount === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await countRows(t, ["Tenant", "Track", "SigningKey", "AdminUser", "Party", "SystemState"])).toEqual({
      Tenant: 0,
      Track: 0,
      SigningKey: 0,
      AdminUser: 0,
      Party: 0,
      SystemState: 0,
    });
    expect(crashing.logs()).not.toMatch(PASSWORD_LINE);

    const restarted = await startServer({ ...t, keepData: true });
    await restarted.stop();
    expect(restarted.logs()).toMatch(PASSWORD_LINE);
    expect(await countRows(t, ["Tenant", "Track", "SigningKey", "AdminUser", "Party"])).toEqual({ Tenant: 1, Track: 1, SigningKey: 1, AdminUser: 1, Party: 1 });
  });

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
});
