import "server-only";
import type { PartyData } from "@/lib/validation";
import type { Tx } from "./db";
import { invalid, type FieldError } from "./errors";

export type ResolvedGrant = { resourceId: string | "self"; scopes: string[] };

/**
 * FoxIDs' normalisation of a client's resource scopes: every granted resource must be a
 * resource party of the same track and every scope one of its scopes. Scopes granted on the party's own
 * resource are added to that resource. Returns the grants and the party's final resource scopes.
 */
export async function resolveGrants(
  tx: Tx,
  trackId: string,
  partyName: string,
  data: Pick<PartyData, "resource" | "client">,
): Promise<{ grants: ResolvedGrant[]; ownScopes: string[] | null }> {
  const entries = data.client?.resource_scopes ?? [];
  let ownScopes = data.resource ? [...data.resource.scopes] : null;
  const errors: FieldError[] = [];
  const others = entries.filter((e) => e.resource !== partyName).map((e) => e.resource);
  const found = others.length
    ? await tx.party.findMany({
        where: { trackId, name: { in: others }, isResource: true },
        select: { id: true, name: true, resourceScopes: true },
      })
    : [];
  const grants: ResolvedGrant[] = [];

  entries.forEach((entry, i) => {
    const field = `client.resource_scopes.${i}`;
    if (entry.resource === partyName) {
      if (!ownScopes) {
        errors.push({ field: `${field}.resource`, message: `Resource '${entry.resource}' not found: the party itself has no resource part.` });
        return;
      }
      ownScopes = [...new Set([...ownScopes, ...entry.scopes])].sort();
      grants.push({ resourceId: "self", scopes: entry.scopes });
      return;
    }
    const res = found.find((f) => f.name === entry.resource);
    if (!res) {
      errors.push({ field: `${field}.resource`, message: `Resource '${entry.resource}' not found.` });
      return;
    }
    entry.scopes.forEach((scope, j) => {
      if (!res.resourceScopes.includes(scope)) {
        errors.push({ field: `${field}.scopes.${j}`, message: `Resource '${entry.resource}' scope '${scope}' not found.` });
      }
    });
    grants.push({ resourceId: res.id, scopes: entry.scopes });
  });

  if (ownScopes && ownScopes.length > 100) {
    errors.push({ field: "resource.scopes", message: "A resource has at most 100 scopes." });
  }
  if (errors.length) throw invalid(errors);
  return { grants, ownScopes };
}
