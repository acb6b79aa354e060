import "server-only";
import { recordAudit } from "@/lib/audit";
import { getDb } from "@/lib/db";
import { hashSecret, verifySecret } from "@/lib/secrets";
import { passwordChangeSchema, type AdminSessionView, type PasswordChangeInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { auditTenantOf } from "./admin-user-scope";
import { adminSessionSelect, adminSessionView, adminUserSelect } from "./admin-user-views";
import { inTransaction } from "./db";
import { forbidden, invalid } from "./errors";
import { parseInput } from "./parse";
import { assertStrongPassword } from "./password-policy";

// The signed-in administrator's own account. Viewers may do all of this too: it changes only themselves.
// `sessionId` is the session the request came with (lib/auth).

const MAX_LISTED_SESSIONS = 50;

function self(actor: Actor): Extract<Actor, { kind: "admin" }> {
  if (actor.kind !== "admin") throw forbidden("Only a signed-in administrator has an account.");
  return actor;
}

/** Needs the current password; ends the account's other sessions and lifts a one-time password's demand. */
export async function changeOwnPassword(actor: Actor, sessionId: string, input: PasswordChangeInput): Promise<void> {
  const me = self(actor);
  const data = parseInput(passwordChangeSchema, input);
  const row = await getDb().adminUser.findUnique({ where: { id: me.id }, select: { passwordHash: true, email: true } });
  if (!row || !(await verifySecret(row.passwordHash, data.current_password))) {
    throw invalid([{ field: "current_password", message: "The current password is wrong." }]);
  }
  if (data.new_password === data.current_password) {
    throw invalid([{ field: "new_password", message: "Choose a password different from the current one." }]);
  }
  const passwordHash = await hashSecret(assertStrongPassword(data.new_password, row.email, "new_password"));
  await inTransaction(async (tx) => {
    const user = await tx.adminUser.update({ where: { id: me.id }, data: { passwordHash, mustChangePassword: false }, select: adminUserSelect });
    await tx.adminSession.deleteMany({ where: { userId: me.id, id: { not: sessionId } } });
    await recordAudit(tx, me, {
      action: "admin_user.change_password",
      tenant: await auditTenantOf(user, tx),
      targetType: "admin_user",
      targetName: user.email,
      ownAccount: true,
    });
  });
}

export async function listOwnSessions(actor: Actor, sessionId: string): Promise<AdminSessionView[]> {
  const me = self(actor);
  const rows = await getDb().adminSession.findMany({
    where: { userId: me.id, expiresAt: { gt: new Date() } },
    orderBy: { lastSeenAt: "desc" },
    take: MAX_LISTED_SESSIONS,
    select: adminSessionSelect,
  });
  return rows.map((s) => adminSessionView(s, sessionId));
}

/** Ends every session of the account, this one included, on every instance at once. */
export async function signOutEverywhere(actor: Actor): Promise<number> {
  const me = self(actor);
  return inTransaction(async (tx) => {
    const { count } = await tx.adminSession.deleteMany({ where: { userId: me.id } });
    const user = await tx.adminUser.findUniqueOrThrow({ where: { id: me.id }, select: adminUserSelect });
    await recordAudit(tx, me, {
      action: "admin_user.sign_out_everywhere",
      tenant: await auditTenantOf(user, tx),
      targetType: "admin_user",
      targetName: user.email,
      changes: { sessions_ended: count },
      ownAccount: true,
    });
    return count;
  });
}
