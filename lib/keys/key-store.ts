import "server-only";
import { publishChange, transactionWithChanges } from "@/lib/cache/change-feed";
import { getConfig } from "@/lib/config";
import type { Db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { recordAudit } from "@/lib/audit";
import { systemActor, type SystemActorName } from "@/lib/tenancy";
import type { SigningAlgorithm } from "@/lib/db/generated/enums";
import { createSigningKey } from "./create-signing-key";
import { loadKek } from "./kek";
import type { KeyAction, ScheduleKey, ScheduleTrack } from "./schedule";

export type Tx = Prisma.TransactionClient;

export const scheduleKeySelect = {
  id: true,
  kid: true,
  state: true,
  notBefore: true,
  notAfter: true,
  activateAt: true,
  retireAt: true,
  createdAt: true,
} as const satisfies Prisma.SigningKeySelect;

export const trackScheduleSelect = {
  id: true,
  name: true,
  signingAlgorithm: true,
  keyValidityMonths: true,
  keyRenewDaysBeforeExpiry: true,
  keyPrimaryAfterDays: true,
  tenant: { select: { name: true } },
} as const satisfies Prisma.TrackSelect;

export type LockedTrack = Prisma.TrackGetPayload<{ select: typeof trackScheduleSelect }>;

const DEFAULT_TOKEN_LIFETIME_S = 3600;
// verifiers' clock skew and their JWKS caches (we send max-age=300)
const RETAIN_LEEWAY_S = 300;
const NOT_BEFORE_SKEW_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const g = globalThis as unknown as { __fennecKek?: Buffer };
export const kek = () => (g.__fennecKek ??= loadKek(getConfig()));

export const keySubject = (tenantName: string, trackName: string) => `Fennec ${tenantName}/${trackName}`;

/** Runs fn in a transaction that holds the track row lock, so instances never rotate the same track twice. */
export async function withTrackLock<T>(db: Db, trackId: string, fn: (tx: Tx, track: LockedTrack) => Promise<T>): Promise<T | null> {
  if (!UUID.test(trackId)) return null;
  return transactionWithChanges(
    db,
    async (tx) => {
      const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Track" WHERE "id" = ${trackId}::uuid FOR UPDATE`;
      if (locked.length === 0) return null;
      const track = await tx.track.findUniqueOrThrow({ where: { id: trackId }, select: trackScheduleSelect });
      return fn(tx, track);
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
}

export async function liveKeys(tx: Pick<Db, "signingKey">, trackId: string): Promise<(ScheduleKey & { kid: string })[]> {
  return tx.signingKey.findMany({ where: { trackId, state: { not: "retired" } }, select: scheduleKeySelect });
}

/** Seconds a demoted primary stays in JWKS: tokens it signed must still validate until they expire. */
export async function retainSeconds(tx: Pick<Db, "party">, trackId: string): Promise<number> {
  const agg = await tx.party.aggregate({ where: { trackId, isClient: true }, _max: { accessTokenLifetime: true } });
  return (agg._max.accessTokenLifetime ?? DEFAULT_TOKEN_LIFETIME_S) + RETAIN_LEEWAY_S;
}

export function scheduleTrack(track: LockedTrack, retain: number): ScheduleTrack {
  return { ...track, retainSeconds: retain };
}

export async function insertKey(
  tx: Tx,
  track: { id: string; name: string; tenantName: string; keyValidityMonths?: number },
  algorithm: SigningAlgorithm,
  state: "primary" | "secondary",
  opts: { activateAt?: Date | null; now?: Date } = {},
): Promise<string> {
  const key = await createSigningKey({
    algorithm,
    subject: keySubject(track.tenantName, track.name),
    validityMonths: track.keyValidityMonths ?? 3,
    kek: kek(),
    // a minute back, so that a verifier whose clock is slightly behind still sees a valid certificate
    notBefore: new Date((opts.now ?? new Date()).getTime() - NOT_BEFORE_SKEW_MS),
  });
  await tx.signingKey.create({ data: { ...key, trackId: track.id, state, activateAt: opts.activateAt ?? null } });
  return key.kid;
}

/** Retired keys never sign again, so their encrypted private key is wiped, not kept. */
export async function retireKey(tx: Tx, keyId: string, now: Date) {
  await tx.signingKey.update({
    where: { id: keyId },
    data: { state: "retired", privateKeyEncrypted: "", activateAt: null, retireAt: now },
  });
}

export async function demoteKey(tx: Tx, keyId: string | null, retireAt: Date) {
  if (!keyId) return;
  await tx.signingKey.update({ where: { id: keyId }, data: { state: "secondary", activateAt: null, retireAt } });
}

export async function promoteKey(tx: Tx, keyId: string) {
  const row = await tx.signingKey.update({
    where: { id: keyId },
    data: { state: "primary", activateAt: null, retireAt: null },
    select: { kid: true },
  });
  return row.kid;
}

export async function applyKeyAction(tx: Tx, track: LockedTrack, action: KeyAction, now: Date): Promise<void> {
  const t = { ...track, tenantName: track.tenant.name };
  switch (action.type) {
    case "retire":
      return retireKey(tx, action.keyId, now);
    case "promote":
      await demoteKey(tx, action.demoteKeyId, action.retireAt);
      await promoteKey(tx, action.keyId);
      return;
    case "create-next":
      await insertKey(tx, t, action.algorithm, "secondary", { activateAt: action.activateAt, now });
      return;
    case "create-primary":
      await demoteKey(tx, action.demoteKeyId, action.retireAt);
      await insertKey(tx, t, action.algorithm, "primary", { now });
      return;
  }
}

export async function auditKeyChange(tx: Tx, track: LockedTrack, action: string, actor: SystemActorName, changes: Record<string, unknown>) {
  await recordAudit(tx, systemActor(actor), {
    action,
    tenant: track.tenant.name,
    track: track.name,
    targetType: "track",
    targetName: track.name,
    changes,
  });
}

export { publishChange };
