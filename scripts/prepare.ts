// `npm run db:migrate` (with --migrate-only): the start-up preparation of `npm start` without the server:
// validate configuration, claim the data folder, apply migrations, and on an empty database bootstrap it.
// Every failure ends with one line that says what is wrong and what to do.
import { getConfig } from "../lib/config";
import { closePglite } from "../lib/db/adapter";
import { disconnectDb } from "../lib/db/client";
import { tightenDataFolder } from "../lib/db/data-folder";
import { claimDataFolder, prepareDatabase, startupFailure } from "../lib/server/prepare";

process.umask(0o077);
try {
  const config = getConfig();
  const lock = await claimDataFolder(config);
  await prepareDatabase(config, { migrateOnly: process.argv.includes("--migrate-only") });
  if (lock) tightenDataFolder(config.dataDir);
  lock?.release();
} catch (err) {
  console.error(`Fennec cannot start: ${startupFailure(err)}`);
  process.exitCode = 1;
} finally {
  await disconnectDb().catch(() => {});
  await closePglite().catch(() => {});
  process.exit(process.exitCode ?? 0);
}
