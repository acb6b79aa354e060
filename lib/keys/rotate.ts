import "server-only";
import { X509Certificate } from "node:crypto";
import type { Db } from "@/lib/db";
import type { SigningAlgorithm, SigningKeyState } from "@/lib/db/generated/enums";
import {
  auditKeyChange,
  demoteKey,
  insertKey,
  liveKeys,
  type LockedTrack,
  promoteKey,
  publishChange,
  retainSeconds,
  type Tx,
  withTrackLock,
} from "./key-store";
import { isNextKey } from "./schedule";

export class SigningKeyError extends Error {}

/** The first key of a new track, in the caller's transaction (CONTROL creates tracks). */
export async function createInitialSigningKey(
  tx: Tx,
  track: { id: string; signingAlgorithm: SigningAlgorithm; name: string; tenantName: string; keyValidityMonths?: number },
): Promise<void> {
  const keyValidityMonths =
    track.keyValidityMonths ??
    (await tx.track.findUnique({ where: { id: track.id }, select: { keyValidityMonths: true } }))?.keyValidityMonths;
  await insertKey(tx, { ...track, keyValidityMonths }, track.signingAlgorithm, "primary");
  await publishChange(tx, "signing-keys", track.id);
}

type LiveKey = Awaited<ReturnType<typeof liveKeys>>[number];

/** The next key rotation would promote: the newest pending one that is still valid. */
function pendingNextKey(keys: LiveKey[], now: Date): LiveKey | undefined {
  return keys.filter((k) => isNextKey(k) && k.notAfter > now).sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
}

/** The pending next key (or a new one with the track's current algorithm) signs from now on; the old primary stays published until `retire_at`. */
async function promoteInLock(tx: Tx, trackId: string, track: LockedTrack, keys: LiveKey[], now: Date) {
  const primary = keys.find((k) => k.state === "primary");
  const next = pendingNextKey(keys, now);
  const retireAt = new Date(now.getTime() + (await retainSeconds(tx, trackId)) * 1000);
  await demoteKey(tx, primary?.id ?? null, retireAt);
  const primaryKid = next
    ? await promoteKey(tx, next.id)
    : await insertKey(tx, { ...track, tenantName: track.tenant.name }, track.signingAlgorithm, "primary");
  return { primaryKid, previousKid: primary?.kid ?? null };
}

export type RotateOutcome = { primaryKid: string; previousKid: string | null; nextKid: string | null; activateAt: Date | null };

/**
 * Rotate: publish the next key first and let it sign only once every verifier that honours the JWKS
 * cache lifetime has seen it. A pending next key is kept (its promotion brought forward to
 * `leadSeconds` after it was published), otherwise a new one with the track's current algorithm is
 * published; the key schedule (every instance) promotes it at `activate_at`. A key published at
 * least `leadSeconds` ago, or a track without a primary, switches at once: nobody can hold a JWKS
 * without it. `inTransaction` lets the caller audit in the same transaction.
 */
export async function rotateSigningKeys(
  db: Db,
  trackId: string,
  opts: { leadSeconds: number; inTransaction?: (tx: Tx, result: RotateOutcome) => Promise<void> },
): Promise<RotateOutcome> {
  const result = await withTrackLock(db, trackId, async (tx, track) => {
    const now = new Date();
    const keys = await liveKeys(tx, trackId);
    const primary = keys.find((k) => k.state === "primary");
    const next = pendingNextKey(keys, now);
    const leadMs = opts.leadSeconds * 1000;
    let outcome: RotateOutcome;
    if (!primary || (next && next.createdAt.getTime() + leadMs <= now.getTime()) || leadMs === 0) {
      outcome = { ...(await promoteInLock(tx, trackId, track, keys, now)), nextKid: null, activateAt: null };
    } else if (next) {
      const planned = new Date(next.createdAt.getTime() + leadMs);
      const activateAt = next.activateAt && next.activateAt < planned ? next.activateAt : planned;
      await tx.signingKey.update({ where: { id: next.id }, data: { activateAt } });
      outcome = { primaryKid: primary.kid, previousKid: null, nextKid: next.kid, activateAt };
    } else {
      const activateAt = new Date(now.getTime() + leadMs);
      const t = { ...track, tenantName: track.tenant.name };
      const nextKid = await insertKey(tx, t, track.signingAlgorithm, "secondary", { activateAt, now });
      outcome = { primaryKid: primary.kid, previousKid: null, nextKid, activateAt };
    }
    if (!opts.inTransaction) {
      await auditKeyChange(tx, track, "signing-keys.rotate", "rotate", {
        primary_kid: outcome.primaryKid,
        next_kid: outcome.nextKid,
        activate_at: outcome.activateAt?.toISOString() ?? null,
      });
    }
    await opts.inTransaction?.(tx, outcome);
    await publishChange(tx, "signing-keys", trackId);
    return outcome;
  });
  if (!result) throw new SigningKeyError("track not found");
  return result;
}

/**
 * Promote now, the emergency switch (a key you no longer trust): the pending next key, or a new key
 * with the track's current algorithm, signs at once. Verifiers holding a cached JWKS without it refuse
 * the new tokens until they fetch the keys again. The old primary stays published until `retire_at`.
 */
export async function promoteSigningKeysNow(
  db: Db,
  trackId: string,
  opts: { inTransaction?: (tx: Tx, result: { primaryKid: string; previousKid: string | null }) => Promise<void> } = {},
): Promise<{ primaryKid: string; previousKid: string | null }> {
  const result = await withTrackLock(db, trackId, async (tx, track) => {
    const r = await promoteInLock(tx, trackId, track, await liveKeys(tx, trackId), new Date());
    if (!opts.inTransaction) {
      await auditKeyChange(tx, track, "signing-keys.promote-now", "rotate", { primary_kid: r.primaryKid, previous_kid: r.previousKid });
    }
    await opts.inTransaction?.(tx, r);
    await publishChange(tx, "signing-keys", trackId);
    return r;
  });
  if (!result) throw new SigningKeyError("track not found");
  return result;
}

export type SigningKeySummary = {
  kid: string;
  alg: SigningAlgorithm;
  state: SigningKeyState;
  /** a secondary that will become primary at activateAt */
  next: boolean;
  notBefore: Date;
  notAfter: Date;
  activateAt: Date | null;
  retireAt: Date | null;
  x5tS256: string | null;
  subject: string | null;
  createdAt: Date;
};

const ORDER: Record<SigningKeyState, number> = { primary: 0, secondary: 1, retired: 2 };

/** Public view of a track's keys (primary, secondaries, then retired, newest first); no key material. */
export async function listSigningKeys(db: Pick<Db, "signingKey">, trackId: string): Promise<SigningKeySummary[]> {
  const rows = await db.signingKey.findMany({
    where: { trackId },
    select: {
      kid: true,
      algorithm: true,
      state: true,
      publicJwk: true,
      certificatePem: true,
      notBefore: true,
      notAfter: true,
      activateAt: true,
      retireAt: true,
      createdAt: true,
    },
    orderBy: { createdAt: "desc" },
  });
  return rows
    .map((r) => {
      const jwk = (r.publicJwk ?? {}) as Record<string, unknown>;
      return {
        kid: r.kid,
        alg: r.algorithm,
        state: r.state,
        next: r.state === "secondary" && r.activateAt !== null,
        notBefore: r.notBefore,
        notAfter: r.notAfter,
        activateAt: r.activateAt,
        retireAt: r.retireAt,
        x5tS256: typeof jwk["x5t#S256"] === "string" ? (jwk["x5t#S256"] as string) : null,
        subject: certificateSubject(r.certificatePem),
        createdAt: r.createdAt,
      };
    })
    .sort((a, b) => ORDER[a.state] - ORDER[b.state]);
}

function certificateSubject(pem: string): string | null {
  try {
    return new X509Certificate(pem).subject.replace(/\n/g, ", ");
  } catch {
    return null;
  }
}
