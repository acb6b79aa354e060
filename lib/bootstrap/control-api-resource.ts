import type { Db } from "@/lib/db";
import { CONTROL_API_RESOURCE } from "@/lib/tenancy";

/** The `control_api` resource of a tenant's master track (first start and every new tenant). */
export function createControlApiResource(tx: Pick<Db, "party">, trackId: string, scopes: string[]) {
  return tx.party.create({
    data: { trackId, name: CONTROL_API_RESOURCE, displayName: "Fennec Control API", isResource: true, resourceScopes: scopes },
  });
}
