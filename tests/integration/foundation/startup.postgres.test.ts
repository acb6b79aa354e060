import fs from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { countRows } from "../../support/inspect-db";
import { sharedTarget, startServer, testKek } from "../../support/server";

// Start-up problems of a PostgreSQL server (the rest in startup.test.ts).

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function persistentTarget() {
  const { target, remove } = await sharedTarget();
  cleanups.push(remove);
  return target;
}

describe("start-up on PostgreSQL: server problems", () => {
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
