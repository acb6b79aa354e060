import type { Metadata } from "next";
import Link from "next/link";
import { DeletePartyButton } from "@/components/parties/delete-party-button";
import { EndpointsCard } from "@/components/parties/endpoints-card";
import { KindBadges } from "@/components/parties/kind-badges";
import { PartyTabs } from "@/components/parties/party-tabs";
import { ClaimTransformsTab } from "@/components/parties/claim-transforms-tab";
import { TokensTab } from "@/components/parties/tokens-tab";
import { Card, PageHeader } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { ClientUsage } from "@/components/usage/client-usage";
import { usageQuery } from "@/components/usage/ranges";
import { getParty, getTrack, listClientKeys, listRevokedTokens, listSecrets, trackUsage } from "@/lib/control";
import { load, type TrackParams } from "../../../../_lib/load";
import { resourceOptions } from "../../../../_lib/resources";

export const dynamic = "force-dynamic";

type Params = TrackParams & { party: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return { title: (await params).party.toLowerCase() };
}

export default async function ApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<Params>;
  searchParams: Promise<{ tab?: string }>;
}) {
  const p = await params;
  const { tab } = await searchParams;
  const actor = await requireAdmin();
  const party = await load(getParty(actor, p));
  const ref = { tenant: p.tenant.toLowerCase(), track: p.track.toLowerCase(), party: party.name };
  const [t, resources, secrets, keys, tokens, day, month] = await Promise.all([
    load(getTrack(actor, ref.tenant, ref.track)),
    load(resourceOptions(actor, ref.tenant, ref.track, party.client?.resource_scopes.map((g) => g.resource))),
    party.client ? load(listSecrets(actor, ref)) : null,
    party.client ? load(listClientKeys(actor, ref)) : null,
    party.client ? load(listRevokedTokens(actor, ref)) : null,
    party.client ? load(trackUsage(actor, ref.tenant, ref.track, usageQuery("24h", party.name))) : null,
    party.client ? load(trackUsage(actor, ref.tenant, ref.track, usageQuery("30d", party.name))) : null,
  ]);
  return (
    <div className="space-y-5">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link href={`/control/${ref.tenant}/${ref.track}/applications`} className="hover:underline">
          Applications
        </Link>{" "}
        / <span aria-current="page">{party.name}</span>
      </nav>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {party.display_name || party.name} <KindBadges kind={party.kind} />
          </span>
        }
        description={party.display_name ? `Client ID / resource name: ${party.name}` : party.note ?? undefined}
        actions={<DeletePartyButton partyRef={ref} />}
      />
      <EndpointsCard track={t} open />
      <Card>
        <PartyTabs
          partyRef={ref}
          party={party}
          resources={resources}
          secrets={secrets}
          keys={keys}
          tokenEndpoint={t.token_endpoint}
          initialTab={typeof tab === "string" ? tab : undefined}
          claimTransforms={<ClaimTransformsTab partyRef={ref} party={party} />}
          tokens={tokens ? <TokensTab partyRef={ref} initial={tokens} /> : undefined}
          usage={day && month ? <ClientUsage day={day} month={month} /> : undefined}
        />
      </Card>
    </div>
  );
}
