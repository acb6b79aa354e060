import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth/session";
import { listAudit, listTracks } from "@/lib/control";
import { load } from "../../_lib/load";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

const FILTERS = ["filter", "track", "action", "actor", "target_name"] as const;
const input = "rounded-md border border-slate-300 bg-white px-3 py-2 text-sm";

function Filter({ id, label, children }: { id: string; label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ tenant: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const tenant = (await params).tenant.toLowerCase();
  const sp = await searchParams;
  const q = Object.fromEntries(FILTERS.map((k) => [k, typeof sp[k] === "string" ? (sp[k] as string).slice(0, 200) : ""])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const cursor = typeof sp.cursor === "string" ? sp.cursor : undefined;
  const actor = await requireAdmin();
  const [tracks, page] = await Promise.all([
    load(listTracks(actor, tenant, { page_size: 500 })),
    load(listAudit(actor, tenant, { ...q, cursor, page_size: 50 })),
  ]);
  const base = `/control/${tenant}/audit`;
  const filtered = FILTERS.some((k) => q[k]);

  return (
    <div className="space-y-5">
      <PageHeader title="Audit log" description={`Who changed what in tenant ${tenant}, and when. Secret values and key material are never recorded.`} />
      <form role="search" aria-label="Filter the audit log" action={base} className="flex flex-wrap items-end gap-3">
        <Filter id="audit-filter" label="Search">
          <input id="audit-filter" name="filter" type="search" defaultValue={q.filter} placeholder="action, object or who" className={input} />
        </Filter>
        <Filter id="audit-track" label="Track">
          <select id="audit-track" name="track" defaultValue={q.track} className={input}>
            <option value="">All tracks</option>
            {tracks.data.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="audit-action" label="Action">
          <select id="audit-action" name="action" defaultValue={q.action} className={input}>
            <option value="">Any action</option>
            {["party.", "secret.", "client-key.", "signing-keys.", "track.", "tenant."].map((a) => (
              <option key={a} value={a}>
                {a}*
              </option>
            ))}
          </select>
        </Filter>
        <Filter id="audit-actor" label="Who">
          <input id="audit-actor" name="actor" defaultValue={q.actor} className={input} />
        </Filter>
        <Filter id="audit-object" label="Object">
          <input id="audit-object" name="target_name" defaultValue={q.target_name} className={input} />
        </Filter>
        <button type="submit" className={buttonClass("secondary")}>
          Filter
        </button>
        {filtered && (
          <Link href={base} className="py-2 text-sm text-orange-700 hover:underline">
            Clear
          </Link>
        )}
      </form>
      {page.data.length ? (
        <AuditTable events={page.data} />
      ) : (
        <EmptyState title={filtered ? "No event matches these filters" : "No events yet"} />
      )}
      {page.next_cursor && (
        <Link
          href={`${base}?${new URLSearchParams({ ...Object.fromEntries(Object.entries(q).filter(([, v]) => v)), cursor: page.next_cursor })}`}
          className="text-sm text-orange-700 hover:underline"
        >
          Older events →
        </Link>
      )}
    </div>
  );
}
