import "server-only";
import {
  ALL_TENANTS_SCOPE,
  CONTROL_API_RESOURCE,
  grantsAllTenants,
  hasAllTenants,
  isMasterTrack,
  type Actor,
} from "@/lib/tenancy";
import type { PartyData } from "@/lib/validation";
import type { Tx } from "./db";
import { forbidden } from "./errors";
import type { getDb } from "@/lib/db";

type Reader = Tx | ReturnType<typeof getDb>;
type TrackOf = { name: string; tenantName: string };

// control_api:master from master/master manages every tenant. The master tenant's own administrators
// (control_api:tenant there, or an admin user bound to master) manage master/master too, so without this
// rule they could grant themselves control_api:master, or take over (new secret, new key, rename, delete)
// a client that holds it. Only an all-tenant actor may create, change or remove that privilege.
const refused = () =>
  forbidden(`Only an all-tenant administrator may grant ${CONTROL_API_RESOURCE}:${ALL_TENANTS_SCOPE} or change a client that holds it.`);

/** Refuses a party write whose grants would include control_api:master, unless the actor already has all tenants. */
export function assertMayGrant(actor: Actor, track: TrackOf, data: Pick<PartyData, "client">): void {
  if (hasAllTenants(actor) || !isMasterTrack(track)) return;
  if (grantsAllTenants(data.client?.resource_scopes ?? [])) throw refused();
}

/** Refuses any change to a client that holds control_api:master, unless the actor already has all tenants. */
export async function assertMayChangeClient(actor: Actor, party: { id: string; track: TrackOf }, db: Reader): Promise<void> {
  if (hasAllTenants(actor) || !isMasterTrack(party.track)) return;
  const held = await db.clientGrant.findFirst({
    where: { clientId: party.id, resource: { name: CONTROL_API_RESOURCE }, scopes: { has: ALL_TENANTS_SCOPE } },
    select: { id: true },
  });
  if (held) throw refused();
}
