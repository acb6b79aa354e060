import "server-only";
import { listParties, type Actor } from "@/lib/control";

/** The track's resources and their real scopes, for the grants picker. */
export async function resourceOptions(actor: Actor, tenant: string, track: string) {
  const page = await listParties(actor, tenant, track, { page_size: 500 });
  return page.data.filter((p) => p.resource).map((p) => ({ name: p.name, scopes: p.resource!.scopes }));
}
