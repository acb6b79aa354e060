import "server-only";
import { getDb } from "@/lib/db";

// Failed admin sign-ins are counted per account and per address in the database, so the limits hold
// across instances and restarts. Each limit locks its key for LOCK_MS once reached within WINDOW_MS.
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
const LIMITS = { account: 5, address: 20 } as const;

type Kind = keyof typeof LIMITS;
export type ThrottleKeys = { account: string; address: string | null };

const keyOf = (kind: Kind, value: string) => `admin-signin:${kind}:${value.toLowerCase()}`.slice(0, 400);

function keys(k: ThrottleKeys): [Kind, string][] {
  const out: [Kind, string][] = [["account", keyOf("account", k.account)]];
  if (k.address) out.push(["address", keyOf("address", k.address)]);
  return out;
}

/** The time until which sign-in is locked for this account or address, or null when it is open. */
export async function lockedUntil(k: ThrottleKeys): Promise<Date | null> {
  const rows = await getDb().loginThrottle.findMany({
    where: { key: { in: keys(k).map(([, key]) => key) }, lockedUntil: { gt: new Date() } },
    select: { lockedUntil: true },
  });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length ? new Date(Math.max(...times)) : null;
}

export async function recordFailedSignIn(k: ThrottleKeys): Promise<void> {
  const db = getDb();
  const now = new Date();
  for (const [kind, key] of keys(k)) {
    await db.loginThrottle.updateMany({
      where: { key, windowStart: { lt: new Date(now.getTime() - WINDOW_MS) } },
      data: { failures: 0, windowStart: now, lockedUntil: null },
    });
    const row = await db.loginThrottle
      .upsert({ where: { key }, create: { key, failures: 1, windowStart: now }, update: { failures: { increment: 1 } } })
      // Two first failures at once: the loser of the insert race counts on the winner's row.
      .catch(() => db.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 } } }));
    if (row.failures >= LIMITS[kind]) {
      await db.loginThrottle.update({ where: { key }, data: { lockedUntil: new Date(now.getTime() + LOCK_MS) } });
    }
  }
}

/** A successful sign-in clears the account's count; the address keeps its own. */
export async function clearAccountFailures(account: string): Promise<void> {
  await getDb().loginThrottle.deleteMany({ where: { key: keyOf("account", account) } });
}
