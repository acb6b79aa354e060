import type { PrismaClient } from "./generated/client";
import { readMigrationList } from "./migration-files";

export type MigrationStatus = { applied: number; pending: string[]; failed: string[] };

export async function migrationStatus(db: PrismaClient): Promise<MigrationStatus> {
  const wanted = readMigrationList().migrationDirectories.map((d) => d.path);
  const rows = await db.$queryRaw<{ migration_name: string; finished_at: Date | null; rolled_back_at: Date | null }[]>`
    SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations`;
  const done = new Set(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => r.migration_name));
  const failed = rows.filter((r) => !r.finished_at && !r.rolled_back_at).map((r) => r.migration_name);
  return { applied: done.size, pending: wanted.filter((w) => !done.has(w)), failed };
}
