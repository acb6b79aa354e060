import { describe, expect, it } from "vitest";
import { countRows, insertRows } from "../../support/inspect-db";
import { dbMode, migrateOnly, startServer } from "../../support/server";
import { PASSWORD_LINE, persistentTargets } from "../../support/targets";

const mode = dbMode();
/** A data folder or database of the test's own, reused across restarts, removed at the end. */
const persistentTarget = persistentTargets();

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

  it("a failure inside the first-start bootstrap transaction leaves no row, and the next start bootstraps once", async () => {
    const t = await persistentTarget();
    migrateOnly(t);
    // the transaction's fifth insert fails, after the tenant, track, signing key and Control API resource
    await insertRows(t, [
      `CREATE FUNCTION test_interrupt() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'test: bootstrap interrupted'; END $$`,
      `CREATE TRIGGER test_interrupt BEFORE INSERT ON "AdminUser" FOR EACH ROW EXECUTE FUNCTION test_interrupt()`,
    ]);
    const failing = await startServer({ ...t, keepData: true, noWait: true });
    expect(await failing.exited).not.toBe(0);
    expect(failing.logs()).toMatch(/Fennec cannot start/);
    expect(failing.logs()).not.toMatch(PASSWORD_LINE);
    expect(await countRows(t, ["Tenant", "Track", "SigningKey", "AdminUser", "Party", "SystemState"])).toEqual({
      Tenant: 0,
      Track: 0,
      SigningKey: 0,
      AdminUser: 0,
      Party: 0,
      SystemState: 0,
    });

    await insertRows(t, [`DROP TRIGGER test_interrupt ON "AdminUser"`, `DROP FUNCTION test_interrupt()`]);
    const restarted = await startServer({ ...t, keepData: true });
    await restarted.stop();
    expect(restarted.logs()).toMatch(PASSWORD_LINE);
    expect(await countRows(t, tables)).toMatchObject({ Tenant: 1, Track: 1, SigningKey: 1, AdminUser: 1, Party: 1 });
  });

  it("stops with one clear line on a bad configuration value", async () => {
    const s = await startServer({ env: { FENNEC_PUBLIC_URL: "not a url" }, noWait: true });
    expect(await s.exited).toBe(1);
    expect(s.logs()).toMatch(/Fennec cannot start: configuration: FENNEC_PUBLIC_URL /);
    expect(s.logs()).not.toMatch(/\n\s+at /);
    await s.stop();
  });

  it("refuses to start over a half-applied migration and changes nothing", async () => {
    const t = await persistentTarget();
    await (await startServer({ ...t, keepData: true })).stop();
    await insertRows(t, [
      `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, applied_steps_count, logs)
       VALUES ('00000000-0000-0000-0000-000000000001', 'x', '29991231000000_broken', now(), 0, 'boom')`,
    ]);
    const s = await startServer({ ...t, keepData: true, noWait: true });
    expect(await s.exited).toBe(1);
    expect(s.logs()).toMatch(/half-applied/);
    expect(await countRows(t, ["Tenant", "_prisma_migrations"])).toMatchObject({ Tenant: 1 });
  });
});

