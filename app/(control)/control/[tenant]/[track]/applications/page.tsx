import type { Metadata } from "next";
import Link from "next/link";
import { TrackTransfer } from "@/components/export-import/track-transfer";
import { EndpointsCard } from "@/components/parties/endpoints-card";
import { PartyTable } from "@/components/parties/party-table";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { WriteOnly } from "@/components/ui/read-only";
import { requireAdmin } from "@/lib/auth/session";
import { getTrack, listParties } from "@/lib/control";
import { load, type TrackParams } from "../../../_lib/load";

export const metadata: Metadata = { title: "Applications" };
export const dynamic = "force-dynamic";

export default async function ApplicationsPage({
  params,
  searchParams,
}: {
  params: Promise<TrackParams>;
  searchParams: Promise<{ q?: string; cursor?: string }>;
}) {
  const { tenant, track } = await params;
  const { q, cursor } = await searchParams;
  const actor = await requireAdmin();
  const filter = typeof q === "string" ? q.slice(0, 100) : "";
  const [t, page] = await Promise.all([
    load(getTrack(actor, tenant, track)),
    load(listParties(actor, tenant, track, { filter, cursor: typeof cursor === "string" ? cursor : undefined, page_size: 100 })),
  ]);
  const base = `/control/${tenant}/${t.name}/applications`;
  const create = (
    <WriteOnly>
      <Link href={`${base}/new?kind=resource`} className={buttonClass("secondary")}>
        + OAuth 2.0 – Resource (API)
      </Link>
      <Link href={`${base}/new?kind=client`} className={buttonClass("primary")}>
        + OAuth 2.0 – Client Credentials Grant
      </Link>
    </WriteOnly>
  );

  return (
    <div className="space-y-5">
      <PageHeader
        title="Applications"
        description={`APIs (resources) and backend clients of track ${tenant}/${t.name}.`}
        actions={
          <>
            <TrackTransfer tenant={tenant} track={t.name} />
            {create}
          </>
        }
      />
      <EndpointsCard track={t} />
      <form role="search" className="flex gap-2" action={base}>
        <label htmlFor="q" className="sr-only">
          Search applications
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={filter}
          placeholder="Search by name or display name"
          className="w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
        />
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
      </form>
      {page.data.length ? (
        <>
          <PartyTable base={base} parties={page.data} />
          <nav aria-label="Pages" className="flex gap-4 text-sm">
            {cursor && (
              <Link href={filter ? `${base}?${new URLSearchParams({ q: filter })}` : base} className="text-orange-700 hover:underline">
                ← First page
              </Link>
            )}
            {page.next_cursor && (
              <Link href={`${base}?${new URLSearchParams({ q: filter, cursor: page.next_cursor })}`} className="text-orange-700 hover:underline">
                Next page →
              </Link>
            )}
          </nav>
        </>
      ) : filter ? (
        <EmptyState title={`No application matches “${filter}”`}>
          <Link href={base} className="text-orange-700 hover:underline">
            Clear the search
          </Link>
        </EmptyState>
      ) : (
        <EmptyState title="No applications in this track yet" action={create}>
          Register an API as a <strong>resource</strong> with its scopes, then a backend service as a <strong>client</strong> granted
          some of those scopes. The client then gets tokens from the track&apos;s token endpoint.
        </EmptyState>
      )}
    </div>
  );
}
