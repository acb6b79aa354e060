import type { UsageGranularity } from "@/lib/validation/usage";

/** The dashboard's windows: the last hour by minute, 24 hours by hour, 30 days by day. */
export const USAGE_RANGES = {
  "1h": { label: "Last hour", ms: 3_600_000, granularity: "minute" },
  "24h": { label: "Last 24 hours", ms: 86_400_000, granularity: "hour" },
  "30d": { label: "Last 30 days", ms: 30 * 86_400_000, granularity: "day" },
} as const satisfies Record<string, { label: string; ms: number; granularity: UsageGranularity }>;

export type UsageRange = keyof typeof USAGE_RANGES;

export const usageRange = (v: string | string[] | undefined): UsageRange =>
  typeof v === "string" && v in USAGE_RANGES ? (v as UsageRange) : "24h";

/** The query for a window ending now. */
export function usageQuery(range: UsageRange, client?: string) {
  const r = USAGE_RANGES[range];
  return { from: new Date(Date.now() - r.ms).toISOString(), granularity: r.granularity, client };
}
