import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, dbMode, newDataDir, root, startServer, testKek, type DbMode, type TestServer } from "../../support/server";

export type SeedClient = {
  authMethod: "client_secret_post" | "client_secret_basic" | "private_key_jwt";
  secrets?: { secret: string; expiresAt?: string }[];
  keys?: { kid: string; jwk: Record<string, unknown>; notBefore?: string; notAfter?: string }[];
  grants?: { resource: string; scopes: string[] }[];
  allowLegacy?: boolean;
  enabled?: boolean;
  lifetime?: number;
};
export type SeedSpec = {
  parties: { name: string; resource?: { scopes: string[]; audience?: string }; client?: SeedClient }[];
};

export type SeededDb = { db: DbMode; dataDir: string; databaseUrl?: string; env: Record<string, string> };

/**
 * Creates a database holding the spec's parties in master/master before any server runs on it.
 * Only for setup: the Control API is the way to manage parties, and these tests need clients of every
 * kind (Basic, post, private_key_jwt, disabled, expired) before it exists.
 */
export async function seedDatabase(spec: SeedSpec, db: DbMode = dbMode()): Promise<SeededDb> {
  const dataDir = newDataDir();
  const databaseUrl = db === "postgres" ? await createTestDatabase() : undefined;
  const env: Record<string, string> = databaseUrl ? { DATABASE_URL: databaseUrl, FENNEC_KEY_ENCRYPTION_KEY: testKek() } : {};
  const specFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "fennec-seed-")), "spec.json");
  fs.writeFileSync(specFile, JSON.stringify(spec));
  const r = spawnSync(path.join(root, "node_modules/.bin/tsx"), [path.join(import.meta.dirname, "seed-script.ts"), specFile], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", FENNEC_DATA_DIR: dataDir, ...env } as unknown as NodeJS.ProcessEnv,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`seeding failed: ${r.stderr || r.stdout}`);
  return { db, dataDir, databaseUrl, env };
}

export function startSeeded(seeded: SeededDb, env: Record<string, string> = {}): Promise<TestServer> {
  return startServer({
    db: seeded.db,
    dataDir: seeded.dataDir,
    databaseUrl: seeded.databaseUrl,
    env: { ...seeded.env, ...env },
  });
}
