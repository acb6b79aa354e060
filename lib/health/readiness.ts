import "server-only";
import { getDb } from "@/lib/db";
import { migrationStatus } from "@/lib/db/migration-status";

export type Readiness =
  | { status: "ok"; database: "up"; migrations: { applied: number } }
  | { status: "unavailable"; database: "up" | "down"; reason: string };

export async function readiness(): Promise<Readiness> {
  let status;
  try {
    status = await migrationStatus(getDb());
  } catch {
    return { status: "unavailable", database: "down", reason: "the database does not answer" };
  }
  if (status.failed.length) return { status: "unavailable", database: "up", reason: `migration failed: ${status.failed[0]}` };
  if (status.pending.length) return { status: "unavailable", database: "up", reason: `migration pending: ${status.pending[0]}` };
  return { status: "ok", database: "up", migrations: { applied: status.applied } };
}
