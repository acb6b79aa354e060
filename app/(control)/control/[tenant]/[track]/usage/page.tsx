import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { usageQuery, usageRange } from "@/components/usage/ranges";
import { SigningKeyNote } from "@/components/usage/signing-key-note";
import { FailuresByError, RangeLinks, TokenTraffic, TopClients } from "@/components/usage/usage-panels";
import { requireAdmin } from "@/lib/auth/session";
import { listTrackSigningKeys, trackUsage } from "@/lib/control";
import { load, type TrackParams } from "../../../_lib/load";

export const metadata: Metadata = { title: "Usage" };
export const dynamic = "force-dynamic";

export default async function UsagePage({ params, searchParams }: { params: Promise<TrackParams>; searchParams: Promise<{ range?: string }> }) {
  const p = await params;
  const range = usageRange((await searchParams).range);
  const actor = await requireAdmin();
  const tenant = p.tenant.toLowerCase();
  const track = p.track.toLowerCase();
  const [usage, keys] = await Promise.all([load(trackUsage(actor, tenant, track, usageQuery(range))), load(listTrackSigningKeys(actor, tenant, track))]);
  const base = `/control/${tenant}/${track}`;
  return (
    <div className="space-y-5">
      <PageHeader
        title="Usage"
        description="Token requests of this track, counted by every instance (README “Operations”); times in UTC."
        actions={<RangeLinks range={range} href={(r) => `${base}/usage?range=${r}`} />}
      />
      <SigningKeyNote keys={keys} href={`${base}/signing-keys`} />
      <TokenTraffic id="traffic" title="Tokens issued and failed" usage={usage} />
      <div className="grid gap-5 lg:grid-cols-2">
        <TopClients usage={usage} clientHref={(c) => `${base}/applications/${c}?tab=usage`} />
        <FailuresByError usage={usage} />
      </div>
      <p className="text-sm text-slate-600">
        The same numbers through the Control API: <code>GET /api/control/{tenant}/{track}/usage</code>.
      </p>
    </div>
  );
}
