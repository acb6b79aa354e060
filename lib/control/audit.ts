import "server-only";
import { getDb } from "@/lib/db";
import { auditQuerySchema, type AuditQuery } from "@/lib/validation";
import type { Actor } from "./actor";
import { findTenantRef } from "./lookup";
import { decodeCursor, encodeCursor, type Page } from "./paging";
import { invalid } from "./errors";
import { parseInput } from "./parse";
import type { AuditView } from "@/lib/validation/views";
import { auditSelect, auditView } from "./views";

/** A tenant's audit trail, newest first; the cursor is the (time, id) of the last row shown. */
export async function listAudit(actor: Actor, tenant: string, query: AuditQuery = {}): Promise<Page<AuditView>> {
  const t = await findTenantRef(actor, tenant);
  const q = parseInput(auditQuerySchema, query);
  const after = cursorParts(decodeCursor(q.cursor));
  const rows = await getDb().auditEvent.findMany({
    where: {
      tenantName: t.name,
      AND: [
        q.track ? { trackName: q.track.toLowerCase() } : {},
        q.action ? { action: { startsWith: q.action } } : {},
        q.target_type ? { targetType: q.target_type } : {},
        q.target_name ? { targetName: { contains: q.target_name, mode: "insensitive" } } : {},
        q.actor ? { actor: { contains: q.actor, mode: "insensitive" } } : {},
        q.filter
          ? {
              OR: [
                { action: { contains: q.filter, mode: "insensitive" } },
                { targetName: { contains: q.filter, mode: "insensitive" } },
                { actor: { contains: q.filter, mode: "insensitive" } },
              ],
            }
          : {},
        after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: q.page_size + 1,
    select: auditSelect,
  });
  const more = rows.length > q.page_size;
  const shown = more ? rows.slice(0, q.page_size) : rows;
  const last = shown[shown.length - 1];
  return {
    data: shown.map(auditView),
    next_cursor: more && last ? encodeCursor(`${last.createdAt.toISOString()}|${last.id}`) : null,
  };
}

function cursorParts(v: string | undefined): { at: Date; id: string } | undefined {
  if (!v) return undefined;
  const [at, id] = v.split("|");
  const d = new Date(at);
  if (!id || Number.isNaN(d.getTime())) throw invalid([{ field: "cursor", message: "cursor is not valid." }]);
  return { at: d, id };
}
