import type { Prisma } from "@/lib/db/generated/client";
import type { Db } from "@/lib/db";
import { canWrite, isPrincipal, type Actor } from "@/lib/tenancy";
import { currentRequestId } from "@/lib/telemetry";
import { redact } from "./diff";

type TxLike = Pick<Db, "auditEvent">;

/** The tenant an event belongs to: listed by id, shown by name. */
export type AuditTenant = { id: string; name: string };

export type AuditEntry = {
  action: string;
  tenant: AuditTenant | null;
  track?: string | null;
  targetType: string;
  targetName?: string | null;
  changes?: Record<string, unknown>;
  correlationId?: string;
  /** A change an administrator makes to their own account (password, sessions): viewers may make it too. */
  ownAccount?: boolean;
};

/** How the audit trail names the actor. */
export function actorLabel(actor: Actor): { actorType: string; actor: string } {
  switch (actor.kind) {
    case "admin":
      return { actorType: "admin", actor: actor.email };
    case "client":
      return { actorType: "client", actor: actor.clientId };
    case "system":
      return { actorType: "system", actor: actor.name };
  }
}

/**
 * The one writer of the audit trail: records who did what to which object inside the caller's
 * transaction. Every row's changes are redacted, so secret values and key material never enter.
 */
export async function recordAudit(tx: TxLike, actor: Actor, entry: AuditEntry): Promise<void> {
  // Every write is audited in its own transaction, so refusing here rolls back a write that a
  // read-only viewer reached through a path that forgot its own check.
  if (isPrincipal(actor) && !canWrite(actor) && !ownChange(actor, entry)) throw new Error(`read-only actor cannot ${entry.action}`);
  await tx.auditEvent.create({
    data: {
      ...actorLabel(actor),
      action: entry.action,
      tenantId: entry.tenant?.id ?? null,
      tenantName: entry.tenant?.name ?? null,
      trackName: entry.track ?? null,
      targetType: entry.targetType,
      targetName: entry.targetName ?? null,
      changes: redact(entry.changes ?? {}) as Prisma.InputJsonValue,
      // the request id of the Control API call or admin action that made the change (README "Operations")
      correlationId: entry.correlationId ?? currentRequestId() ?? null,
    },
  });
}

const ownChange = (actor: Actor, entry: AuditEntry) =>
  entry.ownAccount === true && actor.kind === "admin" && entry.targetType === "admin_user" && entry.targetName === actor.email;
