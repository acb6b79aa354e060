import "server-only";
import { getDb } from "@/lib/db";
import { hasAllTenants, isPrincipal, MASTER, type Actor } from "@/lib/tenancy";
import type { AuditTenant } from "@/lib/audit";
import type { Tx } from "./db";
import { conflict, forbidden, notFound } from "./errors";
import { findTenantRef, type TenantRef } from "./lookup";
import { adminUserSelect, type AdminUserRow } from "./admin-user-views";

/**
 * Which administrators an operation covers: every one (null, /api/control/admin-users, all-tenant actors
 * only) or one tenant's (/api/control/{tenant}/admin-users). Checked before anything is read.
 */
export type UserScope = { tenant: TenantRef | null };

export async function resolveUserScope(actor: Actor, tenant: string | null): Promise<UserScope> {
  if (!isPrincipal(actor)) throw forbidden();
  if (tenant === null) {
    if (!hasAllTenants(actor)) throw forbidden("Only an all-tenant administrator may manage every tenant's administrators.");
    return { tenant: null };
  }
  return { tenant: await findTenantRef(actor, tenant) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One administrator inside the scope; one outside it is "not found", like one that does not exist. */
export async function findScopedUser(scope: UserScope, id: string, db: Tx | ReturnType<typeof getDb> = getDb()): Promise<AdminUserRow> {
  const missing = () => notFound(`Administrator '${id.slice(0, 40)}' not found.`);
  if (!UUID.test(id)) throw missing();
  const row = await db.adminUser.findUnique({ where: { id: id.toLowerCase() }, select: adminUserSelect });
  if (!row || (scope.tenant && row.tenantId !== scope.tenant.id)) throw missing();
  return row;
}

/** Where a user's audit events go: their tenant's trail, or master's for an all-tenant account. */
export async function auditTenantOf(user: { tenantId: string | null; tenant: { name: string } | null }, db: Tx): Promise<AuditTenant | null> {
  if (user.tenantId && user.tenant) return { id: user.tenantId, name: user.tenant.name };
  return db.tenant.findUnique({ where: { name: MASTER }, select: { id: true, name: true } });
}

/**
 * Refuses to remove (delete or disable) the last enabled all-tenant administrator. The rows are locked
 * first, so two such changes at once cannot both see another administrator left.
 */
export async function assertNotLastAllTenantAdmin(tx: Tx, user: AdminUserRow, what: string): Promise<void> {
  if (user.role !== "admin" || user.tenantId !== null || user.disabledAt !== null) return;
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "AdminUser" WHERE "tenantId" IS NULL AND role = 'admin' AND "disabledAt" IS NULL FOR UPDATE`;
  if (rows.filter((r) => r.id !== user.id).length === 0) {
    throw conflict(`The last all-tenant administrator cannot be ${what}.`);
  }
}

export function assertNotSelf(actor: Actor, id: string, what: string): void {
  if (actor.kind === "admin" && actor.id.toLowerCase() === id.toLowerCase()) {
    throw forbidden(`You cannot ${what} your own account${what === "reset the password of" ? ": change it under Your account" : ""}.`);
  }
}
