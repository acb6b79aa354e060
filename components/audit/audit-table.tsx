import type { AuditView } from "@/lib/control";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";

const show = (v: unknown) => (v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v));

function Changes({ changes }: { changes: Record<string, unknown> }) {
  const entries = Object.entries(changes);
  if (!entries.length) return <span className="text-slate-400">—</span>;
  return (
    <details>
      <summary className="cursor-pointer text-xs text-slate-600">
        {entries.length} field{entries.length === 1 ? "" : "s"}
      </summary>
      <ul className="mt-1 space-y-0.5 text-xs">
        {entries.map(([k, v]) => {
          const c = (v ?? {}) as { from?: unknown; to?: unknown };
          return (
            <li key={k} className="break-all">
              <code className="font-semibold">{k}</code>: {show(c.from)} → {show(c.to)}
            </li>
          );
        })}
      </ul>
    </details>
  );
}

export function AuditTable({ events }: { events: AuditView[] }) {
  return (
    <Table caption="Audit events, newest first">
      <THead>
        <tr>
          <Th>When</Th>
          <Th>Who</Th>
          <Th>What</Th>
          <Th>Object</Th>
          <Th>Changes</Th>
        </tr>
      </THead>
      <TBody>
        {events.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-nowrap">{formatDateTime(e.at)}</Td>
            <Td className="break-all">
              {e.actor} <Badge tone={e.actor_type === "admin" ? "orange" : "slate"}>{e.actor_type}</Badge>
            </Td>
            <Td>
              <code className="text-xs">{e.action}</code>
            </Td>
            <Td className="break-all">
              {e.target_type} <strong>{e.target_name}</strong>
              {e.track && <div className="text-xs text-slate-500">track {e.track}</div>}
            </Td>
            <Td>
              <Changes changes={e.changes} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
