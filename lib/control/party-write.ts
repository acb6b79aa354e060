import "server-only";
import { assertMayWrite } from "./actor";
import type { Prisma } from "@/lib/db/generated/client";
import { publishChange } from "@/lib/cache/change-feed";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { generateSecret, hashSecret, secretInfo } from "@/lib/secrets";
import { diffFields, recordAudit } from "@/lib/audit";
import { partyCreateSchema, partyUpdateSchema, type PartyCreateInput, type PartyData, type PartyUpdateInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { inTransaction, type Tx } from "./db";
import { conflict, invalid, preconditionFailed } from "./errors";
import { findPartyRef, findTrackRef } from "./lookup";
import { parseInput } from "./parse";
import { assertMayChangeClient, assertMayGrant } from "./privilege";
import { checkClaimTransformLimits } from "./claim-limits";
import { resolveGrants } from "./party-grants";
import { controlApiScopes, isProtectedParty } from "@/lib/tenancy";
import { checkVersion } from "./version";
import { partySelect, partyView, type CreatedParty, type PartyView } from "./views";

export type { CreatedParty };

const usesSecret = (data: PartyData) => Boolean(data.client && data.client.auth_method !== "private_key_jwt");

export async function createParty(
  actor: Actor,
  tenant: string,
  track: string,
  input: PartyCreateInput,
): Promise<CreatedParty> {
  assertMayWrite(actor);
  const t = await findTrackRef(actor, tenant, track);
  const data = parseInput(partyCreateSchema, input);
  assertMayGrant(actor, t, data);
  const taken = `Party '${data.name}' already exists in track '${t.tenantName}/${t.name}'.`;
  const db = getDb();
  if (await db.party.findUnique({ where: { trackId_name: { trackId: t.id, name: data.name } }, select: { id: true } })) {
    throw conflict(taken);
  }
  const max = getConfig().maxPartiesPerTrack;
  if ((await db.party.count({ where: { trackId: t.id } })) >= max) throw conflict(`A track has at most ${max} parties.`);
  const secret = usesSecret(data) ? generateSecret() : undefined;
  const hash = secret ? await hashSecret(secret) : undefined;

  return inTransaction(async (tx) => {
    const { grants, ownScopes } = await resolveGrants(tx, t.id, data.name, data);
    await checkClaimTransformLimits(tx, t, data, input);
    const party = await tx.party.create({ data: { trackId: t.id, ...columns(data, ownScopes) }, select: { id: true } });
    await writeGrants(tx, party.id, grants);
    if (secret && hash) await tx.clientSecret.create({ data: { partyId: party.id, hash, info: secretInfo(secret) } });
    const view = partyView(await tx.party.findUniqueOrThrow({ where: { id: party.id }, select: partySelect }));
    await recordAudit(tx, actor, {
      action: "party.create",
      tenant: { id: t.tenantId, name: t.tenantName },
      track: t.name,
      targetType: "party",
      targetName: view.name,
      changes: { ...diffFields(null, view), ...(secret ? { secret_created: { to: true } } : {}) },
    });
    await publishChange(tx, "party", party.id);
    return secret ? { ...view, secret } : view;
  }, taken);
}

/**
 * PUT: replaces the party's settings (secrets and keys stay; they have their own endpoints). A `name`
 * other than the current one renames it. Removing the client part drops its secrets and keys; removing
 * resource scopes drops them from other clients' grants too, so no token can carry a scope that is gone.
 */
export async function updateParty(
  actor: Actor,
  ref: { tenant: string; track: string; party: string },
  input: PartyUpdateInput,
  expectedVersion?: number,
): Promise<PartyView> {
  assertMayWrite(actor);
  const p = await findPartyRef(actor, ref);
  const data = parseInput(partyUpdateSchema, input);
  assertMayGrant(actor, p.track, data);
  const taken = `Party '${data.name}' already exists in track '${p.track.tenantName}/${p.track.name}'.`;

  return inTransaction(async (tx) => {
    await assertMayChangeClient(actor, p, tx);
    const beforeRow = await tx.party.findUniqueOrThrow({ where: { id: p.id }, select: partySelect });
    checkProtected(p.track.name, p.track.tenantName, p.name, beforeRow.resourceAudience, data);
    checkVersion(`Party '${p.name}'`, beforeRow.version, expectedVersion, data.version);
    if (data.name !== p.name) {
      const other = await tx.party.findUnique({ where: { trackId_name: { trackId: p.trackId, name: data.name } }, select: { id: true } });
      if (other) throw conflict(taken);
    }
    const { grants, ownScopes } = await resolveGrants(tx, p.trackId, data.name, data);
    await checkClaimTransformLimits(tx, p.track, data, input);
    const { count } = await tx.party.updateMany({
      where: { id: p.id, version: beforeRow.version },
      // under its new name, tokens issued before now were another party's (a deleted one of that name)
      data: { ...columns(data, ownScopes), version: { increment: 1 }, ...(data.name !== p.name ? { tokensNotBefore: new Date() } : {}) },
    });
    if (count !== 1) throw preconditionFailed(`Party '${p.name}' was changed by someone else. Reload and try again.`);
    await tx.clientGrant.deleteMany({ where: { clientId: p.id } });
    await writeGrants(tx, p.id, grants);

    const extra: Record<string, unknown> = {};
    if (!data.client && beforeRow.isClient) {
      const s = await tx.clientSecret.deleteMany({ where: { partyId: p.id } });
      const k = await tx.clientKey.deleteMany({ where: { partyId: p.id } });
      if (s.count) extra.secrets_deleted = { from: s.count, to: 0 };
      if (k.count) extra.keys_deleted = { from: k.count, to: 0 };
      await publishChange(tx, "secrets", p.id);
      await publishChange(tx, "client-keys", p.id);
    }
    // Clients granted this resource cache its name, audience and scopes with their grants.
    const grantees = await pruneOtherGrants(tx, p.id, ownScopes);
    for (const clientId of new Set(grantees)) await publishChange(tx, "party", clientId);

    const after = partyView(await tx.party.findUniqueOrThrow({ where: { id: p.id }, select: partySelect }));
    await recordAudit(tx, actor, {
      action: "party.update",
      tenant: { id: p.track.tenantId, name: p.track.tenantName },
      track: p.track.name,
      targetType: "party",
      targetName: after.name,
      changes: { ...diffFields(partyView(beforeRow), after), ...extra },
    });
    await publishChange(tx, "party", p.id);
    return after;
  }, taken);
}

export function columns(data: PartyData, ownScopes: string[] | null) {
  return {
    name: data.name,
    displayName: data.display_name || null,
    note: data.note || null,
    isResource: Boolean(data.resource),
    resourceScopes: [...(ownScopes ?? [])].sort(),
    resourceAudience: data.resource?.audience ?? null,
    isClient: Boolean(data.client),
    authMethod: data.client?.auth_method ?? null,
    accessTokenLifetime: data.client?.access_token_lifetime ?? 3600,
    allowLegacyAssertionAudience: data.client?.allow_legacy_assertion_audience ?? false,
    strictAuthMethod: data.client?.strict_auth_method ?? false,
    clientCredentialsEnabled: data.client?.client_credentials_enabled ?? true,
    claimTransforms: data.claim_transforms as Prisma.InputJsonValue,
  };
}

export async function writeGrants(tx: Tx, partyId: string, grants: { resourceId: string; scopes: string[] }[]) {
  for (const g of grants) {
    await tx.clientGrant.create({
      data: { clientId: partyId, resourceId: g.resourceId === "self" ? partyId : g.resourceId, scopes: [...g.scopes].sort() },
    });
  }
}

/**
 * Other clients' grants of this resource lose the scopes it no longer has (all of them when it stops
 * being one). Returns every client that held a grant of it.
 */
export async function pruneOtherGrants(tx: Tx, resourceId: string, ownScopes: string[] | null): Promise<string[]> {
  const grants = await tx.clientGrant.findMany({
    where: { resourceId, clientId: { not: resourceId } },
    select: { id: true, clientId: true, scopes: true },
  });
  for (const g of grants) {
    if (!ownScopes) {
      await tx.clientGrant.delete({ where: { id: g.id } });
      continue;
    }
    const kept = g.scopes.filter((s) => ownScopes.includes(s));
    if (kept.length !== g.scopes.length) await tx.clientGrant.update({ where: { id: g.id }, data: { scopes: kept } });
  }
  return grants.map((g) => g.clientId);
}

function checkProtected(track: string, tenant: string, name: string, audience: string | null, data: PartyData) {
  if (!isProtectedParty(track, name)) return;
  const required = controlApiScopes(tenant);
  if (data.name !== name) {
    throw invalid([{ field: "name", message: `'${name}' is the tenant's Control API resource and cannot be renamed.` }]);
  }
  if (!data.resource || !required.every((s) => data.resource!.scopes.includes(s))) {
    throw invalid([{ field: "resource.scopes", message: `The Control API resource must keep its scopes: ${required.join(", ")}.` }]);
  }
  // Control API tokens are checked for this audience: another one would lock every automation out.
  if ((data.resource.audience ?? name) !== (audience ?? name)) {
    throw invalid([{ field: "resource.audience", message: "The Control API resource's audience cannot be changed." }]);
  }
}
