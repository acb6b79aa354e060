import { formatDateTime } from "@/components/ui/format";
import type { UsageView } from "@/lib/control";
import { FailuresByError, TokenTraffic } from "./usage-panels";

/** One client's tokens over 24 hours, its last successful token (30 days) and its recent failure reasons. */
export function ClientUsage({ day, month }: { day: UsageView; month: UsageView }) {
  const last = month.clients[0]?.last_issued_at ?? null;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        Last successful token: <strong>{last ? formatDateTime(last) : "none in the last 30 days"}</strong>
      </p>
      <TokenTraffic id="client-traffic" title="Tokens issued and failed, last 24 hours" usage={day} />
      <FailuresByError usage={day} title="Recent failure reasons (24 hours)" />
    </div>
  );
}
