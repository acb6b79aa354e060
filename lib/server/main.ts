import cluster from "node:cluster";
import { getConfig } from "@/lib/config";
import { closePglite } from "@/lib/db/adapter";
import { disconnectDb } from "@/lib/db/client";
import { tightenDataFolder } from "@/lib/db/data-folder";
import { claimDataFolder, prepareDatabase, startupFailure } from "./prepare";
import { serve } from "./serve";
import { relayChangesBetweenWorkers } from "./worker-relay";
import { runWorkers } from "./workers";
import { logEvent } from "@/lib/telemetry";

/**
 * `npm start` after the build (scripts/start.mjs imports this bundle): claim the data folder, migrate
 * and bootstrap once, then serve in this process, or in FENNEC_WORKERS processes on PostgreSQL.
 */
export async function startFennec({ root }: { root: string }) {
  // every file Fennec writes (the embedded database, its key, the lock) is for this account only
  process.umask(0o077);
  if (cluster.isWorker) {
    relayChangesBetweenWorkers();
    return serve(getConfig(), root).catch(fail);
  }

  let workers = 1;
  let release = () => {};
  try {
    const config = getConfig();
    const lock = await claimDataFolder(config);
    if (lock) release = lock.release;
    await prepareDatabase(config);
    if (lock) tightenDataFolder(config.dataDir); // PGlite writes 0666 whatever the umask: a first start just did
    if (config.databaseUrl) workers = config.workers;
    else if (config.workersSet && config.workers > 1) {
      logEvent("warn", "workers_ignored", `Fennec: FENNEC_WORKERS=${config.workers} is ignored: the embedded database serves one process (set DATABASE_URL to use more)`);
    }
    if (workers > 1) {
      await disconnectDb();
      return runWorkers(workers);
    }
    await serve(config, root, () => {
      if (lock) tightenDataFolder(config.dataDir);
      release();
    });
  } catch (err) {
    release();
    await disconnectDb().catch(() => {});
    await closePglite().catch(() => {});
    fail(err);
  }
}

function fail(err: unknown): never {
  console.error(`Fennec cannot start: ${startupFailure(err)}`);
  process.exit(1);
}
