import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db";
import { actorLabel, type Actor } from "@/lib/control/actor";
import { redact } from "./diff";

type TxLike = Pick<Db, "auditEvent">;

export type AuditEntry = {
  action: string;
  tenant: string | null;
  track?: string | null;
  targetType: string;
  targetName?: string | null;
  changes?: Record<string, unknown>;
  correlationId?: string;
};

/** Records who did what to which object inside the caller's transaction; secret values and key material never enter. */
export async function recordAudit(tx: TxLike, actor: Actor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      ...actorLabel(actor),
      action: entry.action,
      tenantName: entry.tenant,
      trackName: entry.track ?? null,
      targetType: entry.targetType,
      targetName: entry.targetName ?? null,
      changes: redact(entry.changes ?? {}) as Prisma.InputJsonValue,
      correlationId: entry.correlationId ?? null,
    },
  });
}
