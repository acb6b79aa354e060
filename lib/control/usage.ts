import "server-only";
import { getDb } from "@/lib/db";
import { MAX_USAGE_POINTS, USAGE_GRANULARITIES, usageQuerySchema, type UsageGranularity, type UsageQuery, type UsageView } from "@/lib/validation/usage";
import type { Actor } from "./actor";
import { invalid } from "./errors";
import { findTrackRef } from "./lookup";
import { parseInput } from "./parse";

const HOUR = 3_600_000;
const TOP_CLIENTS = 20;

type Window = { from: number; to: number; granularity: UsageGranularity; step: number; client: string | null };

/**
 * Token requests of one track (README "Operations"), from the per-minute buckets every instance adds
 * to: issued and failed per step, the busiest clients, failures by error code. Default: the last 24
 * hours by hour; a window up to 3 hours defaults to minutes, one over 7 days to days.
 */
export async function trackUsage(actor: Actor, tenant: string, track: string, query: UsageQuery): Promise<UsageView> {
  const t = await findTrackRef(actor, tenant, track);
  const w = usageWindow(query);
  const db = getDb();
  const from = new Date(w.from);
  const to = new Date(w.to);
  const client = w.client;
  const [series, clients, errors] = await Promise.all([
    db.$queryRaw<{ t: number; issued: bigint; failed: bigint }[]>`
      SELECT (floor(extract(epoch FROM "minute") / ${w.step}) * ${w.step})::float8 AS t,
             coalesce(sum("count") FILTER (WHERE "outcome" = 'issued'), 0)::bigint AS issued,
             coalesce(sum("count") FILTER (WHERE "outcome" <> 'issued'), 0)::bigint AS failed
      FROM "UsageBucket"
      WHERE "trackId" = ${t.id}::uuid AND "minute" >= ${from} AND "minute" < ${to} AND (${client}::text IS NULL OR "client" = ${client}::text)
      GROUP BY 1 ORDER BY 1`,
    db.$queryRaw<{ client: string; issued: bigint; failed: bigint; last: Date | null }[]>`
      SELECT "client",
             coalesce(sum("count") FILTER (WHERE "outcome" = 'issued'), 0)::bigint AS issued,
             coalesce(sum("count") FILTER (WHERE "outcome" <> 'issued'), 0)::bigint AS failed,
             max("minute") FILTER (WHERE "outcome" = 'issued') AS last
      FROM "UsageBucket"
      WHERE "trackId" = ${t.id}::uuid AND "minute" >= ${from} AND "minute" < ${to} AND (${client}::text IS NULL OR "client" = ${client}::text)
      GROUP BY "client" ORDER BY sum("count") DESC, "client" LIMIT ${TOP_CLIENTS}`,
    db.$queryRaw<{ outcome: string; count: bigint }[]>`
      SELECT "outcome", sum("count")::bigint AS count
      FROM "UsageBucket"
      WHERE "trackId" = ${t.id}::uuid AND "minute" >= ${from} AND "minute" < ${to} AND "outcome" <> 'issued'
        AND (${client}::text IS NULL OR "client" = ${client}::text)
      GROUP BY "outcome" ORDER BY 2 DESC, 1`,
  ]);
  const byStep = new Map(series.map((r) => [Number(r.t) * 1000, r]));
  const points: UsageView["series"] = [];
  for (let at = Math.floor(w.from / w.step / 1000) * w.step * 1000; at < w.to; at += w.step * 1000) {
    const r = byStep.get(at);
    points.push({ at: new Date(at).toISOString(), issued: Number(r?.issued ?? 0), failed: Number(r?.failed ?? 0) });
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    granularity: w.granularity,
    client,
    totals: { issued: points.reduce((n, p) => n + p.issued, 0), failed: points.reduce((n, p) => n + p.failed, 0) },
    series: points,
    clients: clients.map((c) => ({
      client: c.client || null,
      issued: Number(c.issued),
      failed: Number(c.failed),
      last_issued_at: c.last ? new Date(c.last).toISOString() : null,
    })),
    errors: errors.map((e) => ({ error: e.outcome, count: Number(e.count) })),
  };
}

function usageWindow(query: UsageQuery): Window {
  const q = parseInput(usageQuerySchema, query);
  const to = q.to ? Date.parse(q.to) : Date.now();
  const from = q.from ? Date.parse(q.from) : to - 24 * HOUR;
  if (from >= to) throw invalid([{ field: "from", message: "from must be before to." }]);
  const span = to - from;
  const granularity = q.granularity ?? (span <= 3 * HOUR ? "minute" : span <= 7 * 24 * HOUR ? "hour" : "day");
  const step = USAGE_GRANULARITIES[granularity];
  if (Math.ceil(span / (step * 1000)) > MAX_USAGE_POINTS) {
    throw invalid([{ field: "granularity", message: `from..to holds more than ${MAX_USAGE_POINTS} ${granularity}s; choose a coarser granularity or a shorter window.` }]);
  }
  return { from, to, granularity, step, client: q.client ?? null };
}
