import pg from "pg";
import type { FennecConfig } from "@/lib/config";
import { createAdapterFactory } from "./adapter";
import { noFilters, readMigrationList } from "./migration-files";
import { openSchemaEngine } from "./schema-engine";

// Any fixed 64-bit number: instances starting together against one PostgreSQL serialise on it.
const MIGRATION_LOCK = 7_231_004_112;

export class MigrationError extends Error {}

/** Runs fn while holding the cluster-wide start-up lock (PostgreSQL only; PGlite has one process). */
export async function withStartupLock<T>(config: FennecConfig, fn: () => Promise<T>): Promise<T> {
  if (!config.databaseUrl) return fn();
  const client = new pg.Client({ connectionString: config.databaseUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}

/** Applies prisma/migrations exactly as `prisma migrate deploy` would; returns the names applied now. */
export async function applyMigrations(config: FennecConfig): Promise<string[]> {
  const engine = await openSchemaEngine(createAdapterFactory(config));
  try {
    const out = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: noFilters });
    return out.appliedMigrationNames;
  } catch (err) {
    throw new MigrationError(describeMigrationFailure(err));
  } finally {
    engine.free();
  }
}

function describeMigrationFailure(err: unknown): string {
  const raw = err instanceof Error ? err.message : String(err);
  const failed = /migration `?([\w-]+)`? failed/i.exec(raw)?.[1] ?? /`(\d{8,}_[\w-]+)`/.exec(raw)?.[1];
  if (/P3009|failed migrations/i.test(raw)) {
    return (
      `a migration${failed ? ` (${failed})` : ""} was left half-applied by an earlier start. ` +
      "Nothing was changed. Restore the database from a backup, or fix it by hand and mark the migration " +
      "rolled back in _prisma_migrations, then start again."
    );
  }
  return `applying migrations failed: ${raw.split("\n")[0]}`;
}
