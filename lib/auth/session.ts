import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/tenancy";
import { readAdminSession } from "./admin-sessions";
import { getAuthOptions, SESSION_MAX_AGE_SECONDS } from "./options";

export type AdminActor = Extract<Actor, { kind: "admin" }> & {
  name: string | null;
  /** The AdminSession row of this request. */
  sessionId: string;
  /** Signed in with a one-time password: nothing but changing it is allowed. */
  mustChangePassword: boolean;
};

export const CHANGE_PASSWORD_PATH = "/control/account/password";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The signed-in administrator, re-read from the database with the session's row on every call, so that
 * sign-out everywhere, a disabled or deleted account or a changed role takes effect at once on every
 * instance, not when the 8-hour session cookie expires. Null when signed out.
 */
export async function currentAdmin(): Promise<AdminActor | null> {
  const session = await getServerSession(await getAuthOptions());
  const id = session?.user?.id;
  const sid = session?.sid;
  if (!id || !UUID.test(id) || !sid || !UUID.test(sid)) return null;
  // next-auth slides a JWT session's expiry on every /api/auth/session call; the sign-in time does not move.
  if (!session?.authAt || Date.now() / 1000 - session.authAt > SESSION_MAX_AGE_SECONDS) return null;
  const row = await readAdminSession(sid);
  if (!row || row.user.id !== id) return null;
  const u = row.user;
  return {
    kind: "admin",
    id: u.id,
    email: u.email,
    name: u.name,
    tenant: u.tenant?.name ?? null,
    role: u.role,
    sessionId: row.id,
    mustChangePassword: u.mustChangePassword,
  };
}

/**
 * Every page, server action and handler of the admin UI calls this itself: the proxy is no boundary.
 * An administrator holding a one-time password is sent to change it first, unless `passwordChange`.
 */
export async function requireAdmin(opts: { passwordChange?: boolean } = {}): Promise<AdminActor> {
  const admin = await currentAdmin();
  if (!admin) redirect("/signin");
  if (admin.mustChangePassword && !opts.passwordChange) redirect(CHANGE_PASSWORD_PATH);
  return admin;
}
