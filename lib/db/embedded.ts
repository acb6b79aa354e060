import fs from "node:fs";
import path from "node:path";

// Layout of the embedded data folder (FENNEC_DATA_DIR).
export function pgliteDir(dataDir: string) {
  return path.join(dataDir, "pgdata");
}

export class DataDirError extends Error {}

/** Refuses a data folder that exists but does not hold a PGlite database; never rewrites one. */
export function checkDataDir(dataDir: string): "new" | "existing" {
  const pg = pgliteDir(dataDir);
  if (fs.existsSync(dataDir) && !fs.statSync(dataDir).isDirectory()) {
    throw new DataDirError(`FENNEC_DATA_DIR ${dataDir} is a file, not a folder`);
  }
  if (!fs.existsSync(pg)) return "new";
  const entries = fs.readdirSync(pg);
  if (entries.length === 0) return "new";
  if (!entries.includes("PG_VERSION") || !entries.includes("global")) {
    throw new DataDirError(
      `FENNEC_DATA_DIR ${dataDir} holds a damaged database (${pg} has no PG_VERSION or global/). ` +
        "Restore the folder from a backup, or point FENNEC_DATA_DIR at an empty folder to start afresh.",
    );
  }
  return "existing";
}
