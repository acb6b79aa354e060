import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/tenancy";
import { getDb } from "@/lib/db";
import { getAuthOptions, SESSION_MAX_AGE_SECONDS } from "./options";

export type AdminActor = Extract<Actor, { kind: "admin" }> & { name: string | null };

/**
 * The signed-in administrator, re-read from the database on every call so that a deleted account or a
 * changed tenant takes effect at once, not when the 8-hour session cookie expires. Null when signed out.
 */
export async function currentAdmin(): Promise<AdminActor | null> {
  const session = await getServerSession(await getAuthOptions());
  const id = session?.user?.id;
  if (!id || !/^[0-9a-f-]{36}$/i.test(id)) return null;
  // next-auth slides a JWT session's expiry on every /api/auth/session call; the sign-in time does not move.
  if (!session?.authAt || Date.now() / 1000 - session.authAt > SESSION_MAX_AGE_SECONDS) return null;
  const user = await getDb().adminUser.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, tenant: { select: { name: true } } },
  });
  if (!user) return null;
  return { kind: "admin", id: user.id, email: user.email, name: user.name, tenant: user.tenant?.name ?? null };
}

/** Every page, server action and handler of the admin UI calls this itself: the proxy is no boundary. */
export async function requireAdmin(): Promise<AdminActor> {
  const admin = await currentAdmin();
  if (!admin) redirect("/signin");
  return admin;
}
