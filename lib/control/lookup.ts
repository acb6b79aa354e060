import "server-only";
import { getDb } from "@/lib/db";
import { assertTenantAccess, type Actor } from "./actor";
import type { Tx } from "./db";
import { NAME_PATTERN } from "@/lib/validation/names";
import { conflict, notFound } from "./errors";

type Reader = Tx | ReturnType<typeof getDb>;

export type TenantRef = { id: string; name: string };
export type TrackRef = { id: string; name: string; tenantId: string; tenantName: string };
export type PartyRef = { id: string; name: string; trackId: string; track: TrackRef };

/** A name from a path or an action: one that cannot exist (a dot segment, a slash, a NUL) is not looked up. */
function lookupName(what: string, raw: string): string {
  const name = raw.toLowerCase();
  if (!NAME_PATTERN.test(name)) throw notFound(`${what} '${printable(name)}' not found.`);
  return name;
}

const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").slice(0, 60);

// Authorization is checked before any lookup, so an actor cannot probe which other tenants exist.
export async function findTenantRef(actor: Actor, tenant: string, db: Reader = getDb()): Promise<TenantRef> {
  const name = lookupName("Tenant", tenant);
  assertTenantAccess(actor, name);
  const row = await db.tenant.findUnique({ where: { name }, select: { id: true, name: true } });
  if (!row) throw notFound(`Tenant '${name}' not found.`);
  return row;
}

export async function findTrackRef(actor: Actor, tenant: string, track: string, db: Reader = getDb()): Promise<TrackRef> {
  const t = await findTenantRef(actor, tenant, db);
  const name = lookupName("Track", track);
  const row = await db.track.findUnique({
    where: { tenantId_name: { tenantId: t.id, name } },
    select: { id: true, name: true },
  });
  if (!row) throw notFound(`Track '${name}' not found in tenant '${t.name}'.`);
  return { ...row, tenantId: t.id, tenantName: t.name };
}

export async function findPartyRef(
  actor: Actor,
  ref: { tenant: string; track: string; party: string },
  db: Reader = getDb(),
): Promise<PartyRef> {
  const track = await findTrackRef(actor, ref.tenant, ref.track, db);
  const name = lookupName("Party", ref.party);
  const row = await db.party.findUnique({
    where: { trackId_name: { trackId: track.id, name } },
    select: { id: true, name: true, trackId: true },
  });
  if (!row) throw notFound(`Party '${name}' not found in track '${track.tenantName}/${track.name}'.`);
  return { ...row, track };
}

/** A party that has a client part (secrets and keys belong to clients only). */
export async function findClientRef(
  actor: Actor,
  ref: { tenant: string; track: string; party: string },
  db: Reader = getDb(),
): Promise<PartyRef> {
  const p = await findPartyRef(actor, ref, db);
  const row = await db.party.findUniqueOrThrow({ where: { id: p.id }, select: { isClient: true } });
  if (!row.isClient) throw conflict(`Party '${p.name}' is not a client.`);
  return p;
}
