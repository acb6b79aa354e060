import "server-only";
import { recordAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { generatePassword, hashSecret } from "@/lib/secrets";
import {
  adminUserCreateSchema,
  adminUserQuerySchema,
  adminUserUpdateSchema,
  type AdminUserCreateInput,
  type AdminUserQuery,
  type AdminUserUpdateInput,
  type AdminUserView,
  type AdminUserWithPassword,
} from "@/lib/validation";
import { assertMayWrite, type Actor } from "./actor";
import { assertNotLastAllTenantAdmin, assertNotSelf, auditTenantOf, findScopedUser, resolveUserScope } from "./admin-user-scope";
import { adminUserSelect, adminUserView, type AdminUserRow } from "./admin-user-views";
import { inTransaction, type Tx } from "./db";
import { invalid } from "./errors";
import { findTenantRef } from "./lookup";
import type { Page } from "./paging";
import { parseInput } from "./parse";
import { assertStrongPassword } from "./password-policy";

// `tenant` is the scope: null for every tenant's administrators, else one tenant's (README "Admin users and roles").

const EMAIL_TAKEN = "An administrator with this e-mail address already exists.";

export async function listAdminUsers(actor: Actor, tenant: string | null, query: AdminUserQuery = {}): Promise<Page<AdminUserView>> {
  const scope = await resolveUserScope(actor, tenant);
  const q = parseInput(adminUserQuerySchema, query);
  const after = decodeEmailCursor(q.cursor);
  const rows = await getDb().adminUser.findMany({
    where: {
      AND: [
        scope.tenant ? { tenantId: scope.tenant.id } : {},
        q.filter ? { email: { contains: q.filter.toLowerCase() } } : {},
        after ? { email: { gt: after } } : {},
      ],
    },
    orderBy: { email: "asc" },
    take: q.page_size + 1,
    select: adminUserSelect,
  });
  const more = rows.length > q.page_size;
  const shown = more ? rows.slice(0, q.page_size) : rows;
  return { data: shown.map(adminUserView), next_cursor: more ? Buffer.from(shown[shown.length - 1].email).toString("base64url") : null };
}

export async function getAdminUser(actor: Actor, tenant: string | null, id: string): Promise<AdminUserView> {
  return adminUserView(await findScopedUser(await resolveUserScope(actor, tenant), id));
}

export async function createAdminUser(actor: Actor, tenant: string | null, input: AdminUserCreateInput): Promise<AdminUserWithPassword> {
  assertMayWrite(actor);
  const scope = await resolveUserScope(actor, tenant);
  const data = parseInput(adminUserCreateSchema, input);
  // In a tenant's scope the tenant is the path's; a different one in the body is a mistake worth naming.
  if (scope.tenant && data.tenant && data.tenant !== scope.tenant.name) {
    throw invalid([{ field: "tenant", message: `Only administrators of tenant '${scope.tenant.name}' can be created here.` }]);
  }
  const target = scope.tenant ?? (data.tenant ? await findTenantRef(actor, data.tenant) : null);
  const oneTime = data.password ? null : generatePassword();
  const password = data.password ? assertStrongPassword(data.password, data.email, "password") : oneTime!;
  const passwordHash = await hashSecret(password);
  const user = await inTransaction(async (tx) => {
    const row = await tx.adminUser.create({
      data: { email: data.email, name: data.name || null, role: data.role, tenantId: target?.id ?? null, passwordHash, mustChangePassword: oneTime !== null },
      select: adminUserSelect,
    });
    await audit(tx, actor, "admin_user.create", row, {
      email: { to: row.email },
      role: { to: row.role },
      tenant: { to: target?.name ?? null },
      one_time_password: { to: oneTime !== null },
    });
    return row;
  }, EMAIL_TAKEN);
  return { user: adminUserView(user), one_time_password: oneTime };
}

/** Disables or enables an administrator; disabling ends every session of theirs at once. */
export async function updateAdminUser(actor: Actor, tenant: string | null, id: string, input: AdminUserUpdateInput): Promise<AdminUserView> {
  assertMayWrite(actor);
  const scope = await resolveUserScope(actor, tenant);
  const data = parseInput(adminUserUpdateSchema, input);
  assertNotSelf(actor, id, data.disabled ? "disable" : "enable");
  return inTransaction(async (tx) => {
    const before = await findScopedUser(scope, id, tx);
    if (before.disabledAt !== null === data.disabled) return adminUserView(before);
    if (data.disabled) await assertNotLastAllTenantAdmin(tx, before, "disabled");
    const row = await tx.adminUser.update({
      where: { id: before.id },
      data: { disabledAt: data.disabled ? new Date() : null },
      select: adminUserSelect,
    });
    if (data.disabled) await tx.adminSession.deleteMany({ where: { userId: row.id } });
    await audit(tx, actor, data.disabled ? "admin_user.disable" : "admin_user.enable", row, { disabled: { from: !data.disabled, to: data.disabled } });
    return adminUserView(row);
  });
}

export async function deleteAdminUser(actor: Actor, tenant: string | null, id: string): Promise<void> {
  assertMayWrite(actor);
  const scope = await resolveUserScope(actor, tenant);
  assertNotSelf(actor, id, "delete");
  await inTransaction(async (tx) => {
    const user = await findScopedUser(scope, id, tx);
    await assertNotLastAllTenantAdmin(tx, user, "deleted");
    await tx.adminUser.delete({ where: { id: user.id } });
    await audit(tx, actor, "admin_user.delete", user, { email: { from: user.email }, role: { from: user.role } });
  });
}

/** A new one-time password, shown once; the user's sessions end and the next sign-in must change it. */
export async function resetAdminUserPassword(actor: Actor, tenant: string | null, id: string): Promise<AdminUserWithPassword> {
  assertMayWrite(actor);
  const scope = await resolveUserScope(actor, tenant);
  assertNotSelf(actor, id, "reset the password of");
  await findScopedUser(scope, id);
  const oneTime = generatePassword();
  const passwordHash = await hashSecret(oneTime);
  const user = await inTransaction(async (tx) => {
    const before = await findScopedUser(scope, id, tx);
    const row = await tx.adminUser.update({ where: { id: before.id }, data: { passwordHash, mustChangePassword: true }, select: adminUserSelect });
    await tx.adminSession.deleteMany({ where: { userId: row.id } });
    await audit(tx, actor, "admin_user.reset_password", row, { must_change_password: { to: true } });
    return row;
  });
  return { user: adminUserView(user), one_time_password: oneTime };
}

async function audit(tx: Tx, actor: Actor, action: string, user: AdminUserRow, changes: Record<string, unknown>): Promise<void> {
  await recordAudit(tx, actor, { action, tenant: await auditTenantOf(user, tx), targetType: "admin_user", targetName: user.email, changes });
}

function decodeEmailCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const v = Buffer.from(cursor, "base64url").toString("utf8");
  if (Buffer.from(v).toString("base64url") !== cursor || !/^[^\s@]{1,320}@[^\s@]+$/.test(v)) {
    throw invalid([{ field: "cursor", message: "cursor is not valid: pass the next_cursor of the previous page as it is." }]);
  }
  return v;
}
