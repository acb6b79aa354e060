import "server-only";
import { assertMayWrite } from "./actor";
import { MASTER } from "@/lib/tenancy";
import { publishChange } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import { createInitialSigningKey } from "@/lib/keys/rotate";
import { diffFields, recordAudit } from "@/lib/audit";
import {
  listQuerySchema,
  trackCreateSchema,
  trackUpdateSchema,
  type ListQuery,
  type TrackCreateInput,
  type TrackUpdateInput,
} from "@/lib/validation";
import type { Actor } from "./actor";
import { inTransaction } from "./db";
import { conflict, preconditionFailed } from "./errors";
import { findTenantRef, findTrackRef } from "./lookup";
import { decodeCursor, toPage, type Page } from "./paging";
import { parseInput } from "./parse";
import { checkVersion } from "./version";
import { trackSelect, trackView, type TrackView } from "./views";

export const MAX_TRACKS_PER_TENANT = 100;

export async function listTracks(actor: Actor, tenant: string, query: ListQuery = {}): Promise<Page<TrackView>> {
  const t = await findTenantRef(actor, tenant);
  const q = parseInput(listQuerySchema, query);
  const after = decodeCursor(q.cursor);
  const f = q.filter?.toLowerCase();
  const rows = await getDb().track.findMany({
    where: {
      tenantId: t.id,
      AND: [
        f ? { OR: [{ name: { contains: f } }, { displayName: { contains: f, mode: "insensitive" } }] } : {},
        after ? { name: { gt: after } } : {},
      ],
    },
    orderBy: { name: "asc" },
    take: q.page_size + 1,
    select: trackSelect,
  });
  return toPage(rows, q.page_size, (r) => trackView(t.name, r), (r) => r.name);
}

export async function getTrack(actor: Actor, tenant: string, track: string): Promise<TrackView> {
  const ref = await findTrackRef(actor, tenant, track);
  const row = await getDb().track.findUniqueOrThrow({ where: { id: ref.id }, select: trackSelect });
  return trackView(ref.tenantName, row);
}

/** A new track and its first signing key, in one transaction. */
export async function createTrack(actor: Actor, tenant: string, input: TrackCreateInput): Promise<TrackView> {
  assertMayWrite(actor);
  const t = await findTenantRef(actor, tenant);
  const data = parseInput(trackCreateSchema, input);
  const taken = `Track '${data.name}' already exists in tenant '${t.name}'.`;
  const db = getDb();
  if (await db.track.findUnique({ where: { tenantId_name: { tenantId: t.id, name: data.name } }, select: { id: true } })) {
    throw conflict(taken);
  }
  if ((await db.track.count({ where: { tenantId: t.id } })) >= MAX_TRACKS_PER_TENANT) {
    throw conflict(`A tenant has at most ${MAX_TRACKS_PER_TENANT} tracks.`);
  }
  return inTransaction(async (tx) => {
    const row = await tx.track.create({
      data: {
        tenantId: t.id,
        name: data.name,
        displayName: data.display_name || null,
        signingAlgorithm: data.signing_algorithm,
        keyValidityMonths: data.key_validity_months,
        keyRenewDaysBeforeExpiry: data.key_renew_days_before_expiry,
        keyPrimaryAfterDays: data.key_primary_after_days,
      },
      select: { ...trackSelect, id: true },
    });
    await createInitialSigningKey(tx, {
      id: row.id,
      name: row.name,
      signingAlgorithm: row.signingAlgorithm,
      tenantName: t.name,
      keyValidityMonths: row.keyValidityMonths,
    });
    const view = trackView(t.name, row);
    await recordAudit(tx, actor, {
      action: "track.create",
      tenant: t,
      track: row.name,
      targetType: "track",
      targetName: row.name,
      changes: diffFields(null, view),
    });
    await publishChange(tx, "track", row.id);
    return view;
  }, taken);
}

/** PATCH: only the fields given change. A new signing algorithm applies from the next key rotation. */
export async function updateTrack(
  actor: Actor,
  tenant: string,
  track: string,
  input: TrackUpdateInput,
  expectedVersion?: number,
): Promise<TrackView> {
  assertMayWrite(actor);
  const ref = await findTrackRef(actor, tenant, track);
  const data = parseInput(trackUpdateSchema, input);
  return inTransaction(async (tx) => {
    const before = await tx.track.findUniqueOrThrow({ where: { id: ref.id }, select: trackSelect });
    checkVersion(`Track '${ref.name}'`, before.version, expectedVersion, data.version);
    const { count } = await tx.track.updateMany({
      where: { id: ref.id, version: before.version },
      data: {
        ...(data.display_name !== undefined ? { displayName: data.display_name || null } : {}),
        signingAlgorithm: data.signing_algorithm,
        keyValidityMonths: data.key_validity_months,
        keyRenewDaysBeforeExpiry: data.key_renew_days_before_expiry,
        keyPrimaryAfterDays: data.key_primary_after_days,
        version: { increment: 1 },
      },
    });
    if (count !== 1) throw preconditionFailed(`Track '${ref.name}' was changed by someone else. Reload and try again.`);
    const after = await tx.track.findUniqueOrThrow({ where: { id: ref.id }, select: trackSelect });
    await recordAudit(tx, actor, {
      action: "track.update",
      tenant: { id: ref.tenantId, name: ref.tenantName },
      track: ref.name,
      targetType: "track",
      targetName: ref.name,
      changes: diffFields(trackView(ref.tenantName, before), trackView(ref.tenantName, after)),
    });
    await publishChange(tx, "track", ref.id);
    return trackView(ref.tenantName, after);
  });
}

export async function deleteTrack(actor: Actor, tenant: string, track: string): Promise<void> {
  assertMayWrite(actor);
  const ref = await findTrackRef(actor, tenant, track);
  if (ref.name === MASTER) throw conflict("A tenant's master track holds its Control API and cannot be deleted.");
  await inTransaction(async (tx) => {
    await tx.track.delete({ where: { id: ref.id } });
    await recordAudit(tx, actor, {
      action: "track.delete",
      tenant: { id: ref.tenantId, name: ref.tenantName },
      track: ref.name,
      targetType: "track",
      targetName: ref.name,
    });
    await publishChange(tx, "track", ref.id);
  });
}
