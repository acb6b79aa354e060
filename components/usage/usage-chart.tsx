"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { UsageView } from "@/lib/control";

const label = (at: string, granularity: UsageView["granularity"]) =>
  granularity === "day" ? at.slice(5, 10) : at.slice(11, 16);

/**
 * Issued and failed token requests per step as stacked bars. Decorative for screen readers: the
 * summary and the table beside it carry the same numbers.
 */
export function UsageChart({ usage }: { usage: UsageView }) {
  const data = usage.series.map((p) => ({ ...p, label: label(p.at, usage.granularity) }));
  return (
    <div aria-hidden="true" className="h-56 w-full" data-testid="usage-chart">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="issued" name="Issued" stackId="t" fill="#16a34a" isAnimationActive={false} />
          <Bar dataKey="failed" name="Failed" stackId="t" fill="#dc2626" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
