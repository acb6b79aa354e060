import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { FennecConfig } from "@/lib/config";
import { pgliteDir } from "./embedded";

export const DB_CONNECT_TIMEOUT_MS = 5_000;
export const DB_QUERY_TIMEOUT_MS = 10_000;

type Holder = { pglite?: PGlite };
const g = globalThis as unknown as { __fennecPglite?: Holder };

/** One PGlite instance per process: it is single-connection and owns its folder. */
export function getPglite(config: FennecConfig): PGlite {
  g.__fennecPglite ??= {};
  if (!g.__fennecPglite.pglite) {
    const dir = pgliteDir(config.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    g.__fennecPglite.pglite = new PGlite(dir);
    // one instance per process, whichever module graph asks first (tests count this line)
    console.log(`Fennec: opened the embedded database in ${dir} (pid ${process.pid})`);
  }
  return g.__fennecPglite.pglite;
}

export async function closePglite() {
  const p = g.__fennecPglite?.pglite;
  if (p) {
    g.__fennecPglite!.pglite = undefined;
    await p.close();
  }
}

export function createAdapterFactory(config: FennecConfig) {
  if (config.databaseUrl) {
    // Every wait on the database is bounded (README "Failure behaviour"): a connection within 5 s, a
    // query's answer within 10 s on the client side (a server or network that hangs), and the server
    // cancels a statement after 10 s. A connection whose query timed out is dropped, not reused.
    return new PrismaPg({
      connectionString: config.databaseUrl,
      max: 10,
      connectionTimeoutMillis: DB_CONNECT_TIMEOUT_MS,
      query_timeout: DB_QUERY_TIMEOUT_MS,
      statement_timeout: DB_QUERY_TIMEOUT_MS,
      keepAlive: true,
    });
  }
  return new PrismaPGlite(getPglite(config));
}
