import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { ImportResult } from "@/lib/validation";

const TONE = { create: "green", update: "orange", unchanged: "slate", conflict: "red" } as const;

/** The dry run's plan, one row per party (and one for the track's settings). */
export function ImportPlanTable({ result }: { result: ImportResult }) {
  return (
    <Table caption="Import plan">
      <THead>
        <tr>
          <Th>Party</Th>
          <Th>Kind</Th>
          <Th>Plan</Th>
          <Th>Details</Th>
        </tr>
      </THead>
      <TBody>
        {result.track.action !== "skipped" && (
          <tr>
            <Td className="italic">Track settings</Td>
            <Td>track</Td>
            <Td>
              <Badge tone={result.track.action === "update" ? "orange" : "slate"}>{result.track.action}</Badge>
            </Td>
            <Td className="text-slate-600">{result.track.changes.join(", ")}</Td>
          </tr>
        )}
        {result.parties.map((p) => (
          <tr key={p.name}>
            <Td className="font-mono">{p.name}</Td>
            <Td>{p.kind}</Td>
            <Td>
              <Badge tone={TONE[p.action]}>{p.action}</Badge>
            </Td>
            <Td className="break-words text-slate-600">{p.reason ?? p.changes.join(", ")}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
