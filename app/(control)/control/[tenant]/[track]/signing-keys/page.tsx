import type { Metadata } from "next";
import { SigningKeysPanel } from "@/components/keys/signing-keys-panel";
import { EndpointsCard } from "@/components/parties/endpoints-card";
import { PageHeader } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { getTrack, listTrackSigningKeys } from "@/lib/control";
import { load, type PageParams, type TrackParams } from "../../../_lib/load";

export const metadata: Metadata = { title: "Signing keys" };
export const dynamic = "force-dynamic";

export default async function SigningKeysPage({ params }: PageParams<TrackParams>) {
  const { tenant, track } = await params;
  const actor = await requireAdmin();
  const [t, keys] = await Promise.all([load(getTrack(actor, tenant, track)), load(listTrackSigningKeys(actor, tenant, track))]);
  return (
    <div className="space-y-5">
      <PageHeader
        title="Signing keys"
        description={`The keys that sign access tokens issued by ${t.issuer}; APIs verify them through JWKS.`}
      />
      <EndpointsCard track={t} />
      <SigningKeysPanel
        tenant={tenant.toLowerCase()}
        track={t.name}
        initial={keys}
        schedule={{
          validityMonths: t.key_validity_months,
          renewDaysBeforeExpiry: t.key_renew_days_before_expiry,
          primaryAfterDays: t.key_primary_after_days,
        }}
      />
    </div>
  );
}
