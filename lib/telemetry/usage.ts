import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { logger } from "./logger";

// Token traffic per (track, client, outcome, minute), counted in memory and written every few seconds
// as one upsert per bucket that adds to what other processes wrote (README "Operations"). The client is
// a registered client's name or "" (unknown or unauthenticated); with more than MAX_BUCKETS buckets in
// one interval, further clients fold into "". Last-used times go out with the same flush, per minute.
export const FLUSH_INTERVAL_MS = 5000;
const MAX_BUCKETS = 20_000;
const MAX_CREDENTIALS = 20_000;
const PRUNE_INTERVAL_MS = 3_600_000;
const MINUTE = 60_000;

export type UsedCredential = { kind: "secret"; id: string } | { kind: "key"; partyId: string; kid: string };

type State = {
  buckets: Map<string, number>;
  secrets: Map<string, number>;
  keys: Map<string, number>;
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
  prunedAt: number;
};

const g = globalThis as unknown as { __fennecUsage?: State };
const state = (): State => (g.__fennecUsage ??= { buckets: new Map(), secrets: new Map(), keys: new Map(), prunedAt: 0 });

export function recordUsage(trackId: string, client: string, outcome: string, credential: UsedCredential | null) {
  const s = state();
  if (!s.timer) {
    s.timer = setInterval(() => void flushUsage(), FLUSH_INTERVAL_MS);
    s.timer.unref();
  }
  const minute = Math.floor(Date.now() / MINUTE) * MINUTE;
  let key = `${minute}\n${trackId}\n${client}\n${outcome}`;
  let n = s.buckets.get(key);
  if (n === undefined && s.buckets.size >= MAX_BUCKETS) {
    key = `${minute}\n${trackId}\n\n${outcome}`;
    n = s.buckets.get(key);
  }
  s.buckets.set(key, (n ?? 0) + 1);
  if (credential) {
    const ck = credential.kind === "secret" ? credential.id : `${credential.partyId}\n${credential.kid}`;
    const map = credential.kind === "secret" ? s.secrets : s.keys;
    if (map.size < MAX_CREDENTIALS || map.has(ck)) map.set(ck, minute);
  }
}

/** Writes what was counted since the last flush (also at shutdown); one flush at a time per process. */
export function flushUsage(): Promise<void> {
  const s = state();
  s.flushing ??= flush(s).finally(() => (s.flushing = undefined));
  return s.flushing;
}

async function flush(s: State) {
  const { buckets, secrets, keys } = s;
  if (buckets.size === 0 && secrets.size === 0 && keys.size === 0) return maybePrune(s);
  s.buckets = new Map();
  s.secrets = new Map();
  s.keys = new Map();
  const db = getDb();
  try {
    for (const [key, count] of buckets) {
      const [minute, trackId, client, outcome] = key.split("\n");
      await db.$executeRaw`INSERT INTO "UsageBucket" ("trackId", "minute", "client", "outcome", "count")
        VALUES (${trackId}::uuid, ${new Date(Number(minute))}, ${client}, ${outcome}, ${count})
        ON CONFLICT ("trackId", "minute", "client", "outcome") DO UPDATE SET "count" = "UsageBucket"."count" + EXCLUDED."count"`;
      buckets.delete(key);
    }
    for (const [at, ids] of groupByMinute(secrets)) {
      await db.clientSecret.updateMany({ where: { id: { in: ids }, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] }, data: { lastUsedAt: at } });
    }
    for (const [key, minute] of keys) {
      const [partyId, kid] = key.split("\n");
      const at = new Date(minute);
      await db.clientKey.updateMany({ where: { partyId, kid, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: at } }] }, data: { lastUsedAt: at } });
    }
  } catch (e) {
    // what was not written is counted again next time (bounded as when counting)
    for (const [key, count] of buckets) if (s.buckets.size < MAX_BUCKETS) s.buckets.set(key, (s.buckets.get(key) ?? 0) + count);
    logger().warn({ event: "usage_flush_failed", err: e instanceof Error ? e.message.slice(0, 200) : "unknown" }, "usage flush failed");
    return;
  }
  await maybePrune(s);
}

function groupByMinute(used: Map<string, number>): Map<Date, string[]> {
  const byMinute = new Map<number, string[]>();
  for (const [id, minute] of used) {
    const ids = byMinute.get(minute);
    if (ids) ids.push(id);
    else byMinute.set(minute, [id]);
  }
  return new Map([...byMinute].map(([m, ids]) => [new Date(m), ids]));
}

async function maybePrune(s: State) {
  const now = Date.now();
  if (now - s.prunedAt < PRUNE_INTERVAL_MS) return;
  s.prunedAt = now;
  const before = new Date(now - getConfig().usage.retentionDays * 86_400_000);
  await getDb().usageBucket.deleteMany({ where: { minute: { lt: before } } }).catch(() => {});
}
