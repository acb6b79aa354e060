import type { Db } from "@/lib/db";
import { getDb } from "@/lib/db";

// Cross-instance cache invalidation. A write that changes what the token route caches records a
// ChangeEvent in its own transaction; every instance polls the table each second and drops the
// matching cache entries, so a deleted secret stops working everywhere within about a second.

export type ChangeTopic = "tenant" | "track" | "party" | "secrets" | "client-keys" | "signing-keys";
export type Change = { topic: ChangeTopic; key: string };
type Listener = (change: Change) => void;

type TxLike = Pick<Db, "changeEvent">;

const POLL_MS = 1000;
const g = globalThis as unknown as {
  __fennecFeed?: {
    listeners: Set<Listener>;
    lastId: bigint | null;
    timer?: NodeJS.Timeout;
    polling: boolean;
    ready?: Promise<void>;
  };
};
const feed = () => (g.__fennecFeed ??= { listeners: new Set(), lastId: null, polling: false });

/** Record a change inside the caller's transaction (key: the id of the tenant, track or party). */
export async function publishChange(tx: TxLike, topic: ChangeTopic, key: string) {
  await tx.changeEvent.create({ data: { topic, key } });
  dispatch({ topic, key });
}

/** Subscribe to changes from this and every other instance; starts the poller on first use. */
export function onChange(listener: Listener): () => void {
  const f = feed();
  f.listeners.add(listener);
  start();
  return () => f.listeners.delete(listener);
}

/**
 * Resolves once this process knows where the feed stands. A cache must await it before its first
 * database read: a change committed between that read and the feed's starting point would be missed.
 */
export function changeFeedReady(): Promise<void> {
  return start();
}

function start(): Promise<void> {
  const f = feed();
  if (!f.timer) {
    f.timer = setInterval(() => void poll(), POLL_MS);
    f.timer.unref();
    f.ready = poll();
    // one poller per process, whichever module graph starts it (tests count this line)
    console.log(`Fennec: change feed polling every ${POLL_MS / 1000} s (pid ${process.pid})`);
  }
  return f.ready!;
}

function dispatch(change: Change) {
  for (const l of feed().listeners) {
    try {
      l(change);
    } catch {
      // a listener's failure must not stop the others from invalidating
    }
  }
}

async function poll() {
  const f = feed();
  if (f.polling) return;
  f.polling = true;
  try {
    const db = getDb();
    if (f.lastId === null) {
      const last = await db.changeEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      f.lastId = last?.id ?? 0n;
      return;
    }
    const rows = await db.changeEvent.findMany({
      where: { id: { gt: f.lastId } },
      orderBy: { id: "asc" },
      take: 1000,
      select: { id: true, topic: true, key: true },
    });
    for (const r of rows) {
      f.lastId = r.id;
      dispatch({ topic: r.topic as ChangeTopic, key: r.key });
    }
    if (Math.random() < 0.01) {
      await db.changeEvent.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 3_600_000) } } });
    }
  } catch {
    // database briefly unreachable: try again on the next tick
  } finally {
    f.polling = false;
  }
}
