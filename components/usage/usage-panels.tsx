import Link from "next/link";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { UsageView } from "@/lib/control";
import { USAGE_RANGES, type UsageRange } from "./ranges";
import { UsageChart } from "./usage-chart";

const MAX_TABLE_ROWS = 60;

export function RangeLinks({ href, range }: { href: (r: UsageRange) => string; range: UsageRange }) {
  return (
    <nav aria-label="Time range" className="flex gap-1">
      {(Object.keys(USAGE_RANGES) as UsageRange[]).map((r) => (
        <Link
          key={r}
          href={href(r)}
          aria-current={r === range ? "page" : undefined}
          className={cn(
            "rounded-md px-2.5 py-1 text-sm font-medium",
            r === range ? "bg-orange-100 text-orange-800" : "text-slate-600 hover:bg-slate-100",
          )}
        >
          {USAGE_RANGES[r].label}
        </Link>
      ))}
    </nav>
  );
}

/** The chart with its summary sentence and, beside it, the same numbers as a table (non-empty steps). */
export function TokenTraffic({ usage, title, id }: { usage: UsageView; title: string; id: string }) {
  const rows = usage.series.filter((p) => p.issued || p.failed).slice(-MAX_TABLE_ROWS).reverse();
  const per = usage.granularity;
  return (
    <Card id={id} title={title} description={summary(usage)}>
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <UsageChart usage={usage} />
        </div>
        <div className="max-h-56 overflow-y-auto">
          {rows.length ? (
            <Table caption={`${title}: tokens issued and failed per ${per}`}>
              <THead>
                <tr>
                  <Th>{per === "day" ? "Day" : "Time (UTC)"}</Th>
                  <Th className="text-right">Issued</Th>
                  <Th className="text-right">Failed</Th>
                </tr>
              </THead>
              <TBody>
                {rows.map((p) => (
                  <tr key={p.at}>
                    <Td className="whitespace-nowrap">{per === "day" ? p.at.slice(0, 10) : formatDateTime(p.at)}</Td>
                    <Td className="text-right tabular-nums">{p.issued}</Td>
                    <Td className="text-right tabular-nums">{p.failed}</Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          ) : (
            <p className="text-sm text-slate-600">No token requests in this period.</p>
          )}
        </div>
      </div>
    </Card>
  );
}

function summary(u: UsageView): string {
  return `${u.totals.issued} issued, ${u.totals.failed} failed between ${formatDateTime(u.from)} and ${formatDateTime(u.to)}, per ${u.granularity}.`;
}

export function TopClients({ usage, clientHref }: { usage: UsageView; clientHref: (client: string) => string }) {
  return (
    <Card id="top-clients" title="Top clients" description="The busiest clients in this period; an unknown client id counts as (unknown).">
      {usage.clients.length ? (
        <Table caption="Top clients">
          <THead>
            <tr>
              <Th>Client</Th>
              <Th className="text-right">Issued</Th>
              <Th className="text-right">Failed</Th>
              <Th>Last token</Th>
            </tr>
          </THead>
          <TBody>
            {usage.clients.map((c) => (
              <tr key={c.client ?? ""}>
                <Td>
                  {c.client ? (
                    <Link className="font-medium text-orange-700 hover:underline" href={clientHref(c.client)}>
                      {c.client}
                    </Link>
                  ) : (
                    <span className="text-slate-500">(unknown)</span>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{c.issued}</Td>
                <Td className="text-right tabular-nums">{c.failed}</Td>
                <Td className="whitespace-nowrap">{formatDateTime(c.last_issued_at)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <p className="text-sm text-slate-600">No clients asked for tokens in this period.</p>
      )}
    </Card>
  );
}

export function FailuresByError({ usage, title = "Failures by error code" }: { usage: UsageView; title?: string }) {
  return (
    <Card id="failures" title={title}>
      {usage.errors.length ? (
        <Table caption={title}>
          <THead>
            <tr>
              <Th>Error code</Th>
              <Th className="text-right">Count</Th>
            </tr>
          </THead>
          <TBody>
            {usage.errors.map((e) => (
              <tr key={e.error}>
                <Td>
                  <code>{e.error}</code>
                </Td>
                <Td className="text-right tabular-nums">{e.count}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <p className="text-sm text-slate-600">No failed token requests in this period.</p>
      )}
    </Card>
  );
}
