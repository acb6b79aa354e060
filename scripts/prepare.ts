// Start-up preparation, run by `npm start` before the server and by `npm run db:migrate`:
// validate configuration, open the database, apply migrations, and on an empty database bootstrap it.
// Every failure ends with one line that says what is wrong and what to do.
import { ConfigError, getConfig } from "../lib/config";
import { bootstrap } from "../lib/bootstrap/first-start";
import { checkDataDir, DataDirError } from "../lib/db/embedded";
import { disconnectDb, getDb } from "../lib/db/client";
import { closePglite } from "../lib/db/adapter";
import { applyMigrations, MigrationError, withStartupLock } from "../lib/db/migrate";
import { KekError } from "../lib/keys/kek";

const migrateOnly = process.argv.includes("--migrate-only");

function fail(message: string): never {
  console.error(`Fennec cannot start: ${message}`);
  process.exit(1);
}

async function main() {
  const config = getConfig();
  if (!config.databaseUrl) checkDataDir(config.dataDir);
  const where = config.databaseUrl ? "PostgreSQL (DATABASE_URL)" : `embedded PGlite in ${config.dataDir}`;
  await withStartupLock(config, async () => {
    const applied = await applyMigrations(config);
    if (applied.length) console.log(`Fennec: applied ${applied.length} migration(s) on ${where}: ${applied.join(", ")}`);
    if (migrateOnly) return;
    const result = await bootstrap(getDb(), config);
    if (result.created) console.log("Fennec: created tenant 'master' with track 'master' and its first signing key");
    if (result.adminPassword) {
      console.log(
        `Fennec: created admin user ${result.adminPassword.email} with password ${result.adminPassword.password}\n` +
          "        It is shown only this once: sign in and keep it safe.",
      );
    }
    if (result.bootstrapClientCreated) console.log("Fennec: created the bootstrap client in master/master");
  });
}

try {
  await main();
} catch (err) {
  if (err instanceof ConfigError) fail(`configuration: ${err.message}`);
  if (err instanceof DataDirError || err instanceof KekError || err instanceof MigrationError) fail(err.message);
  const msg = err instanceof Error ? err.message : String(err);
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|timeout|does not exist|password authentication/i.test(msg)) {
    fail(`the database at DATABASE_URL cannot be reached (${msg.split("\n")[0]}). Check the URL and that the server runs.`);
  }
  if (/Aborted|RuntimeError|unreachable|PGlite/i.test(msg)) {
    fail(`the embedded database could not be opened (${msg.split("\n")[0]}). The data folder may be damaged: restore it from a backup.`);
  }
  fail(msg.split("\n")[0]);
} finally {
  await disconnectDb().catch(() => {});
  await closePglite().catch(() => {});
  process.exit(process.exitCode ?? 0);
}
