import type { Metadata } from "next";
import { TrackSettings } from "@/components/settings/track-settings";
import { Card, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { roleLabel } from "@/components/users/role-label";
import { requireAdmin } from "@/lib/auth/session";
import { getTenant, listTracks } from "@/lib/control";
import { load } from "../../_lib/load";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = (await params).tenant.toLowerCase();
  const actor = await requireAdmin();
  const [t, tracks] = await Promise.all([load(getTenant(actor, tenant)), load(listTracks(actor, tenant, { page_size: 500 }))]);
  return (
    <div className="space-y-5">
      <PageHeader title="Settings" description={`Tenant ${t.name}${t.display_name ? ` (${t.display_name})` : ""}, created ${formatDateTime(t.created_at)}.`} />
      <Card title="Tracks" description="Each track is an environment with its own issuer, signing keys and applications. Create one from the top bar.">
        <div className="space-y-3">
          {tracks.data.map((track) => (
            <TrackSettings key={`${track.name}-${track.version}`} tenant={tenant} track={track} />
          ))}
        </div>
      </Card>
      <Card title="Your account">
        <p className="text-sm text-slate-700">
          Signed in as <strong>{actor.email}</strong>: {roleLabel(actor)}.
        </p>
      </Card>
    </div>
  );
}
