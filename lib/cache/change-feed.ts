import type { Db } from "@/lib/db";
import { getDb } from "@/lib/db";
import { reportChangeFeedLag } from "@/lib/telemetry";
import { logEvent } from "@/lib/telemetry";

// Cross-instance cache invalidation. A write that changes what the token route caches records a
// ChangeEvent in its own transaction; every instance polls the table each second and drops the
// matching cache entries, so a deleted secret stops working everywhere within about a second. The
// writing instance itself drops its entries as soon as the transaction has committed.
//
// Delivery has no gaps: ids come from a sequence, and a transaction that took a lower id can commit
// after one with a higher id. The poller therefore keeps a floor (every id at or below it handled)
// and re-asks for the ids missing above it until they arrive or are older than any transaction can
// be (a rolled-back write leaves a hole for ever).

// revoked-token: key is the jti; client-tokens: key is the party id (its tokens' "not before" moved)
export type ChangeTopic = "tenant" | "track" | "party" | "secrets" | "client-keys" | "signing-keys" | "revoked-token" | "client-tokens";
export type Change = { topic: ChangeTopic; key: string };
type Listener = (change: Change) => void;
type TxLike = Pick<Db, "changeEvent">;
type TxClient = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const POLL_MS = 1000;
const BATCH = 1000;
// Longer than the longest transaction (30 s in lib/control/db.ts and lib/keys/key-store.ts).
const HOLE_GRACE_MS = 60_000;
const MAX_HOLES = 10_000;

type Feed = {
  listeners: Set<Listener>;
  floor: bigint | null;
  /** ids above the floor already dispatched */
  seen: Set<bigint>;
  /** ids above the floor not yet seen, with when they were first missed */
  holes: Map<bigint, number>;
  timer?: NodeJS.Timeout;
  polling: boolean;
  ready?: Promise<void>;
  lastPollAt: number;
  /** hands changes this process committed to the other worker processes; resolves once they applied them */
  relay?: (changes: RelayedChange[]) => Promise<void>;
};
export type RelayedChange = Change & { id: string };
const g = globalThis as unknown as { __fennecFeed?: Feed };
const feed = (): Feed =>
  (g.__fennecFeed ??= { listeners: new Set(), floor: null, seen: new Set(), holes: new Map(), polling: false, lastPollAt: 0 });

const pendingByTx = new WeakMap<object, { id: bigint; change: Change }[]>();

/** Record a change inside the caller's transaction (key: the id of the tenant, track or party). */
export async function publishChange(tx: TxLike, topic: ChangeTopic, key: string) {
  const row = await tx.changeEvent.create({ data: { topic, key }, select: { id: true } });
  pendingByTx.get(tx)?.push({ id: row.id, change: { topic, key } });
}

/**
 * A transaction whose published changes this instance applies right after the commit (other instances
 * see them at their next poll). A change published in a plain $transaction still arrives through the poll.
 */
export async function transactionWithChanges<T>(
  db: Db,
  fn: (tx: TxClient) => Promise<T>,
  opts: { timeout?: number; maxWait?: number } = {},
): Promise<T> {
  const pending: { id: bigint; change: Change }[] = [];
  const result = await db.$transaction(async (tx) => {
    pendingByTx.set(tx, pending);
    return fn(tx);
  }, opts);
  applyCommitted(pending);
  // the answer to the write waits for the sibling workers: a client's next request, on a kept-alive
  // connection to another worker, must not find the old state there
  if (pending.length) await feed().relay?.(pending.map((p) => ({ ...p.change, id: String(p.id) })));
  return result;
}

function applyCommitted(changes: { id: bigint; change: Change }[]) {
  const f = feed();
  for (const p of changes) {
    if (f.floor !== null && p.id > f.floor) f.seen.add(p.id);
    dispatch(p.change);
  }
}

/**
 * Worker processes of one server (FENNEC_WORKERS) pass each other what they commit, so that a change
 * made through one worker reaches its siblings' caches at once, as it does its own; other instances
 * still learn it from the poll.
 */
export function relayChangesTo(relay: (changes: RelayedChange[]) => Promise<void>) {
  feed().relay = relay;
}

export function applyRelayedChanges(changes: RelayedChange[]) {
  applyCommitted(changes.map(({ id, topic, key }) => ({ id: BigInt(id), change: { topic, key } })));
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

/** Seconds since the poller last read the feed successfully (for readiness and metrics). */
export function changeFeedLagSeconds(): number {
  const at = feed().lastPollAt;
  return at ? (Date.now() - at) / 1000 : Infinity;
}

reportChangeFeedLag(changeFeedLagSeconds);

function start(): Promise<void> {
  const f = feed();
  if (!f.timer) {
    f.timer = setInterval(() => void poll(), POLL_MS);
    f.timer.unref();
    f.ready = poll();
    // one poller per process, whichever module graph starts it (tests count this line)
    logEvent("info", "change_feed_started", `Fennec: change feed polling every ${POLL_MS / 1000} s (pid ${process.pid})`);
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
    if (f.floor === null) {
      const last = await db.changeEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true } });
      f.floor = last?.id ?? 0n;
      f.lastPollAt = Date.now();
      return;
    }
    const top = [...f.seen].reduce((m, id) => (id > m ? id : m), f.floor);
    const holes = [...f.holes.keys()];
    const rows = await db.changeEvent.findMany({
      where: { OR: [{ id: { gt: top } }, ...(holes.length ? [{ id: { in: holes } }] : [])] },
      orderBy: { id: "asc" },
      take: BATCH + holes.length,
      select: { id: true, topic: true, key: true },
    });
    for (const r of rows) {
      if (f.seen.has(r.id) || r.id <= f.floor) continue;
      f.seen.add(r.id);
      f.holes.delete(r.id);
      dispatch({ topic: r.topic as ChangeTopic, key: r.key });
    }
    advanceFloor(f);
    f.lastPollAt = Date.now();
    if (Math.random() < 0.01) {
      await db.changeEvent.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - 3_600_000) } } });
    }
  } catch {
    // database briefly unreachable: try again on the next tick
  } finally {
    f.polling = false;
  }
}

/** Moves the floor over every handled id, and over holes older than any open transaction can be. */
function advanceFloor(f: Feed) {
  const now = Date.now();
  const top = [...f.seen].reduce((m, id) => (id > m ? id : m), f.floor!);
  // a jump in the sequence far beyond what could be in flight is not waited for id by id
  if (top - f.floor! > BigInt(MAX_HOLES)) {
    f.floor = top - BigInt(MAX_HOLES);
    for (const id of f.seen) if (id <= f.floor) f.seen.delete(id);
    for (const id of f.holes.keys()) if (id <= f.floor) f.holes.delete(id);
  }
  for (let id = f.floor! + 1n; id <= top; id++) {
    if (!f.seen.has(id) && !f.holes.has(id)) f.holes.set(id, now);
  }
  while (f.floor! < top) {
    const next = f.floor! + 1n;
    const missedAt = f.holes.get(next);
    if (f.seen.delete(next)) f.floor = next;
    else if (missedAt !== undefined && now - missedAt > HOLE_GRACE_MS) {
      f.holes.delete(next);
      f.floor = next;
    } else break;
  }
  // a pathological run of holes (thousands of rolled-back writes at once) must not grow without bound
  while (f.holes.size > MAX_HOLES) {
    const oldest = [...f.holes.keys()].reduce((m, id) => (id < m ? id : m));
    f.holes.delete(oldest);
    if (f.floor! < oldest) {
      f.floor = oldest;
      for (const id of f.seen) if (id <= oldest) f.seen.delete(id);
    }
  }
}
