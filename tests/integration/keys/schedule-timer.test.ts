import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, expect, it } from "vitest";
import { createTestDatabase, dbMode, dropTestDatabase, newDataDir, startServer, testKek } from "../../support/server";

// The running server rotates on its own: with the master track's primary 8 days from expiry, the
// timer started by instrumentation.ts publishes the next key without any request touching the keys.

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

async function target() {
  if (dbMode() === "postgres") {
    const databaseUrl = await createTestDatabase();
    cleanups.push(() => dropTestDatabase(databaseUrl));
    return { databaseUrl, dataDir: newDataDir(), env: { FENNEC_KEY_ENCRYPTION_KEY: testKek() } };
  }
  const dataDir = newDataDir();
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return { dataDir, databaseUrl: undefined, env: {} as Record<string, string> };
}

/** With the server stopped (PGlite serves one process), run SQL against its database. */
async function sql(t: { dataDir: string; databaseUrl?: string }, text: string) {
  if (t.databaseUrl) {
    const c = new pg.Client({ connectionString: t.databaseUrl });
    await c.connect();
    try {
      return (await c.query(text)).rows;
    } finally {
      await c.end();
    }
  }
  const db = new PGlite(path.join(t.dataDir, "pgdata"));
  try {
    return (await db.query(text)).rows;
  } finally {
    await db.close();
  }
}

it("publishes the next key on schedule in a running server", async () => {
  const t = await target();
  const first = await startServer({ ...t, keepData: true });
  const jwksUrl = `${first.url}/master/master/.well-known/openid-configuration/keys`;
  const before = (await (await fetch(jwksUrl)).json()) as { keys: { kid: string }[] };
  expect(before.keys).toHaveLength(1);
  await first.stop();

  await sql(t, `UPDATE "SigningKey" SET "notAfter" = now() + interval '8 days' WHERE "state" = 'primary'`);

  const second = await startServer({ ...t, keepData: true });
  try {
    const deadline = Date.now() + 60_000;
    while (!/key schedule rotated keys in 1 track/.test(second.logs()) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(second.logs()).toMatch(/key schedule rotated keys in 1 track\(s\)/);
    const jwksUrl2 = `${second.url}/master/master/.well-known/openid-configuration/keys`;
    const after = (await (await fetch(jwksUrl2)).json()) as { keys: { kid: string }[] };
    // the primary still signs and comes first; the next key is published beside it
    expect(after.keys.map((k) => k.kid)[0]).toBe(before.keys[0].kid);
    expect(after.keys).toHaveLength(2);
    expect(second.logs()).not.toMatch(/PRIVATE KEY|privateKeyEncrypted/);
  } finally {
    await second.stop();
  }
  const rows = await sql(t, `SELECT "state", "activateAt" FROM "SigningKey" ORDER BY "createdAt"`);
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({ state: "secondary" });
  const activateAt = new Date((rows[1] as { activateAt: string | Date }).activateAt).getTime();
  expect(activateAt - Date.now()).toBeGreaterThan(4.9 * 86_400_000);
  expect(activateAt - Date.now()).toBeLessThan(5.1 * 86_400_000);
});
