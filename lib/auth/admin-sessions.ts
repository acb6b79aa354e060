import "server-only";
import { getDb } from "@/lib/db";

// At most this many sessions per administrator: a new sign-in ends the oldest beyond it.
const MAX_SESSIONS_PER_USER = 20;
// lastSeenAt is written at most once a minute per session, not on every request.
const TOUCH_AFTER_MS = 60_000;

/** A new session row for a sign-in that has just succeeded; expired rows of every user are pruned. */
export async function createAdminSession(
  userId: string,
  info: { userAgent: string | null; address: string | null; maxAgeSeconds: number },
): Promise<string> {
  const db = getDb();
  const now = new Date();
  await db.adminSession.deleteMany({ where: { expiresAt: { lte: now } } });
  const row = await db.adminSession.create({
    data: {
      userId,
      expiresAt: new Date(now.getTime() + info.maxAgeSeconds * 1000),
      userAgent: info.userAgent?.replace(/[^\x20-\x7e]/g, "?").slice(0, 200) || null,
      address: info.address?.slice(0, 64) || null,
    },
    select: { id: true },
  });
  const older = await db.adminSession.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    skip: MAX_SESSIONS_PER_USER,
    select: { id: true },
  });
  if (older.length) await db.adminSession.deleteMany({ where: { id: { in: older.map((s) => s.id) } } });
  return row.id;
}

export const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  mustChangePassword: true,
  tenant: { select: { name: true } },
} as const;

/**
 * The session row and its user, read on every admin request: one lookup by primary key, so ending a
 * session (sign-out everywhere, disabling, a password reset) holds on every instance at the next request.
 */
export async function readAdminSession(sid: string) {
  const db = getDb();
  const row = await db.adminSession.findUnique({
    where: { id: sid },
    select: { id: true, expiresAt: true, lastSeenAt: true, user: { select: SESSION_USER_SELECT } },
  });
  if (!row || row.expiresAt.getTime() <= Date.now() || row.user.disabledAt) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.adminSession.updateMany({ where: { id: sid }, data: { lastSeenAt: new Date() } });
  }
  return row;
}

export async function endAdminSession(sid: string): Promise<void> {
  await getDb().adminSession.deleteMany({ where: { id: sid } });
}
