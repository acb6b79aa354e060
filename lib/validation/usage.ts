import { z } from "zod";
import { NAME_PATTERN } from "./names";

export const USAGE_GRANULARITIES = { minute: 60, hour: 3600, day: 86_400 } as const;
export type UsageGranularity = keyof typeof USAGE_GRANULARITIES;
/** the most points one usage answer may have (from, to and granularity together) */
export const MAX_USAGE_POINTS = 1500;

const instant = z.iso.datetime({ offset: true, error: "must be an ISO 8601 date-time such as 2026-11-29T10:00:00Z" });

/** GET /api/control/{tenant}/{track}/usage?from&to&granularity&client; the UI's charts use the same. */
export const usageQuerySchema = z.object({
  from: instant.optional(),
  to: instant.optional(),
  granularity: z.enum(["minute", "hour", "day"], "must be minute, hour or day").optional(),
  client: z.string().trim().toLowerCase().regex(NAME_PATTERN, "must be a client name").optional(),
});
export type UsageQuery = Partial<Record<keyof z.input<typeof usageQuerySchema>, string>>;

const dateTime = z.iso.datetime();
const counts = { issued: z.number().int(), failed: z.number().int() };

export const usageViewSchema = z.object({
  from: dateTime,
  to: dateTime,
  granularity: z.enum(["minute", "hour", "day"]),
  client: z.string().nullable(),
  totals: z.object(counts),
  series: z.array(z.object({ at: dateTime, ...counts })),
  /** the busiest clients (at most 20); client null is every request that named no registered client */
  clients: z.array(z.object({ client: z.string().nullable(), ...counts, last_issued_at: dateTime.nullable() })),
  errors: z.array(z.object({ error: z.string(), count: z.number().int() })),
});
export type UsageView = z.infer<typeof usageViewSchema>;
