import Link from "next/link";
import type { PartyView } from "@/lib/control";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { KindBadges } from "./kind-badges";

const METHOD: Record<string, string> = {
  client_secret_post: "client secret post",
  client_secret_basic: "client secret basic",
  private_key_jwt: "private key JWT",
};

function Chips({ items }: { items: string[] }) {
  if (!items.length) return <span className="text-slate-400">—</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {items.map((s) => (
        <code key={s} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs">
          {s}
        </code>
      ))}
    </span>
  );
}

export function PartyTable({ base, parties }: { base: string; parties: PartyView[] }) {
  return (
    <Table caption="Applications">
      <THead>
        <tr>
          <Th>Name</Th>
          <Th>Kind</Th>
          <Th>Scopes (resource)</Th>
          <Th>Granted scopes (client)</Th>
        </tr>
      </THead>
      <TBody>
        {parties.map((p) => (
          <tr key={p.name} className="hover:bg-slate-50">
            <Td>
              <Link href={`${base}/${p.name}`} className="font-medium text-orange-700 hover:underline">
                {p.name}
              </Link>
              {p.display_name && <div className="text-xs text-slate-500">{p.display_name}</div>}
            </Td>
            <Td>
              <KindBadges kind={p.kind} />
              {p.client && <div className="mt-1 text-xs text-slate-500">{METHOD[p.client.auth_method]}</div>}
            </Td>
            <Td>
              <Chips items={p.resource?.scopes ?? []} />
            </Td>
            <Td>
              <Chips items={(p.client?.resource_scopes ?? []).flatMap((g) => (g.scopes.length ? g.scopes.map((s) => `${g.resource}:${s}`) : [g.resource]))} />
            </Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
