import type { Metadata } from "next";
import { EndpointsCard } from "@/components/parties/endpoints-card";
import { PartyForm } from "@/components/parties/party-form";
import { newPartyValues } from "@/components/parties/party-form-values";
import { Card, PageHeader } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { getTrack } from "@/lib/control";
import { load, type TrackParams } from "../../../../_lib/load";
import { resourceOptions } from "../../../../_lib/resources";

export const metadata: Metadata = { title: "New application" };
export const dynamic = "force-dynamic";

export default async function NewApplicationPage({
  params,
  searchParams,
}: {
  params: Promise<TrackParams>;
  searchParams: Promise<{ kind?: string }>;
}) {
  const { tenant, track } = await params;
  const kind = (await searchParams).kind === "resource" ? "resource" : "client";
  const actor = await requireAdmin();
  const [t, resources] = await Promise.all([load(getTrack(actor, tenant, track)), load(resourceOptions(actor, tenant, track))]);
  return (
    <div className="space-y-5">
      <PageHeader
        title={kind === "resource" ? "New OAuth 2.0 – Resource (API)" : "New OAuth 2.0 – Client Credentials Grant"}
        description={
          kind === "resource"
            ? "An API that accepts Fennec's access tokens. Its name is the token's audience; clients ask for its scopes."
            : "A backend service or daemon that gets access tokens with its own credentials."
        }
      />
      <EndpointsCard track={t} />
      <Card>
        <PartyForm
          mode="create"
          tenant={tenant.toLowerCase()}
          track={t.name}
          initial={newPartyValues(kind)}
          resources={resources}
          tokenEndpoint={t.token_endpoint}
        />
      </Card>
    </div>
  );
}
