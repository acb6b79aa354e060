import "server-only";
import { claimsFromPayload, runClaimTransforms } from "@/lib/claims";
import { issuerOf } from "@/lib/oauth/urls";
import type { PartyData } from "@/lib/validation";
import type { Tx } from "./db";
import { invalid } from "./errors";

type ClaimTransformsSent = { claim_transforms?: { order?: number | null }[] | unknown };

/**
 * Runs the client's claim transforms on the largest token it can get (every granted scope, every
 * granted audience) and on the smallest (no scope: the audience is the client itself), and refuses the
 * list when a limit would stop them, naming the transform that passes it. Transforms that test for
 * particular values can still pass a limit only for some requests; the token route stops those cleanly.
 * `pending`: audiences of resources the same operation writes (an import), by name.
 */
export async function checkClaimTransformLimits(
  tx: Tx,
  track: { id: string; name: string; tenantName: string },
  data: PartyData,
  sent: ClaimTransformsSent,
  pending?: ReadonlyMap<string, string>,
): Promise<void> {
  if (!data.client || data.claim_transforms.length === 0) return;
  const grants = data.client.resource_scopes;
  const others = await tx.party.findMany({
    where: { trackId: track.id, name: { in: grants.map((g) => g.resource).filter((r) => r !== data.name) } },
    select: { name: true, resourceAudience: true },
  });
  const audienceOf = (resource: string) =>
    resource === data.name
      ? (data.resource?.audience ?? data.name)
      : (pending?.get(resource) ?? others.find((o) => o.name === resource)?.resourceAudience ?? resource);
  const audiences = [...new Set(grants.map((g) => audienceOf(g.resource)))];
  const scope = grants.flatMap((g) => g.scopes.map((s) => `${g.resource}:${s}`)).join(" ");
  const base = {
    iss: issuerOf(track.tenantName, track.name),
    sub: data.name,
    client_id: data.name,
    aud: audiences.length === 0 ? data.name : audiences.length === 1 ? audiences[0] : audiences,
    scope: scope || undefined,
  };
  const smallest = { iss: base.iss, sub: data.name, client_id: data.name, aud: data.name };
  const result = [base, smallest].map((claims) => runClaimTransforms(claimsFromPayload(claims), data.claim_transforms)).find((r) => !r.ok);
  if (!result || result.ok) return;
  const order = data.claim_transforms[result.index]?.order;
  throw invalid([
    {
      field: `claim_transforms.${sentIndex(sent, order, result.index)}`,
      message: `${result.message} Change this transform or the ones before it.`,
    },
  ]);
}

// Errors point at the list as it was sent; the stored list is sorted by `order` (unique, or the position).
function sentIndex(sent: ClaimTransformsSent, order: number | undefined, fallback: number): number {
  const list = Array.isArray(sent.claim_transforms) ? sent.claim_transforms : [];
  const i = list.findIndex((t, j) => ((t as { order?: number | null })?.order ?? j + 1) === order);
  return i >= 0 ? i : fallback;
}
