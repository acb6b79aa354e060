import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import path from "node:path";

/**
 * A look into a stopped server's database, to check what a crash left behind.
 * PGlite serves one process, so the server must be stopped first; PostgreSQL can be read any time.
 */
export async function countRows(target: { dataDir?: string; databaseUrl?: string }, tables: string[]) {
  const sql = (t: string) => `SELECT count(*)::int AS n FROM "${t}"`;
  const out: Record<string, number> = {};
  if (target.databaseUrl) {
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    for (const t of tables) out[t] = (await c.query(sql(t))).rows[0].n;
    await c.end();
  } else {
    const db = new PGlite(path.join(target.dataDir!, "pgdata"));
    for (const t of tables) out[t] = ((await db.query<{ n: number }>(sql(t))).rows[0]).n;
    await db.close();
  }
  return out;
}

/** Writes into a stopped server's database, to stage what an earlier crash or operator left behind. */
export async function insertRows(target: { dataDir?: string; databaseUrl?: string }, statements: string[]) {
  if (target.databaseUrl) {
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    for (const s of statements) await c.query(s);
    await c.end();
  } else {
    const db = new PGlite(path.join(target.dataDir!, "pgdata"));
    for (const s of statements) await db.query(s);
    await db.close();
  }
}

/** Runs one statement in a database (PGlite: of a stopped server) and answers its rows. */
export async function queryRows<T = Record<string, unknown>>(target: { dataDir?: string; databaseUrl?: string }, sql: string, params: unknown[] = []): Promise<T[]> {
  if (target.databaseUrl) {
    const c = new pg.Client({ connectionString: target.databaseUrl });
    await c.connect();
    try {
      return (await c.query(sql, params)).rows as T[];
    } finally {
      await c.end();
    }
  }
  const db = new PGlite(path.join(target.dataDir!, "pgdata"));
  try {
    return (await db.query<T>(sql, params)).rows;
  } finally {
    await db.close();
  }
}
