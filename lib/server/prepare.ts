import { ConfigError, type FennecConfig } from "@/lib/config";
import { bootstrap } from "@/lib/bootstrap/first-start";
import { getDb } from "@/lib/db/client";
import { lockDataFolder, type DataFolderLock } from "@/lib/db/data-folder-lock";
import { secureDataFolder, tightenDataFolder } from "@/lib/db/data-folder";
import { checkDataDir, DataDirError } from "@/lib/db/embedded";
import { applyMigrations, MigrationError, withStartupLock } from "@/lib/db/migrate";
import { kekFile, KekError } from "@/lib/keys/kek";
import { logEvent } from "@/lib/telemetry";

/**
 * Embedded mode: the data folder must be sound and private, and this process must be its only user
 * (the lock is held until the process ends or releases it).
 */
export async function claimDataFolder(config: FennecConfig): Promise<DataFolderLock | null> {
  if (config.databaseUrl) return null;
  checkDataDir(config.dataDir);
  secureDataFolder(config.dataDir, kekFile(config));
  const lock = await lockDataFolder(config.dataDir);
  tightenDataFolder(config.dataDir);
  return lock;
}

/** Applies migrations and, on an empty database, bootstraps it; prints what it did. */
export async function prepareDatabase(config: FennecConfig, opts: { migrateOnly?: boolean } = {}) {
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.dataDir}`;
  await withStartupLock(config, async () => {
    const applied = await applyMigrations(config);
    if (applied.length) logEvent("info", "migrations_applied", `Fennec: applied ${applied.length} migration(s) on ${where}: ${applied.join(", ")}`, { count: applied.length });
    if (opts.migrateOnly) return;
    const result = await bootstrap(getDb(), config);
    if (result.created) logEvent("info", "bootstrapped", "Fennec: created tenant 'master' with track 'master' and its first signing key");
    if (result.adminPassword) {
      // a plain line for the person starting Fennec, not a log event: a log pipeline should not keep it
      console.log(
        `Fennec: created admin user ${result.adminPassword.email} with password ${result.adminPassword.password}\n` +
          "        It is shown only this once: sign in and keep it safe.",
      );
    }
    if (result.bootstrapClientCreated) logEvent("info", "bootstrap_client_created", "Fennec: created the bootstrap client in master/master");
  });
}

/** The one line that says why start-up stopped and what to do. */
export function startupFailure(err: unknown): string {
  if (err instanceof ConfigError) return `configuration: ${err.message}`;
  if (err instanceof DataDirError || err instanceof KekError || err instanceof MigrationError) return err.message;
  const msg = err instanceof Error ? err.message : String(err);
  const first = reasonLine(msg, err instanceof Error ? err.name : "unknown error");
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|timeout|does not exist|password authentication/i.test(msg)) {
    return `the database at DATABASE_URL cannot be reached (${first}). Check the URL and that the server runs.`;
  }
  if (/Aborted|RuntimeError|unreachable|PGlite/i.test(msg)) {
    return `the embedded database could not be opened (${first}). The data folder may be damaged: restore it from a backup.`;
  }
  return first;
}

// Prisma's messages start with a blank line and "Invalid `…` invocation", and carry the call's
// arguments (which may hold hashes) in the middle: keep the first and the last line, never the rest.
export function reasonLine(message: string, fallback: string): string {
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  if (lines.length === 0) return fallback;
  const first = lines[0];
  const reason = /^Invalid `.*` invocation/.test(first) && lines.length > 1 ? `${first.replace(/:$/, "")}: ${lines.at(-1)}` : first;
  return reason.slice(0, 500);
}
