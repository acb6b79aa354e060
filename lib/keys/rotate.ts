import "server-only";
import { X509Certificate } from "node:crypto";
import type { Db } from "@/lib/db";
import type { SigningAlgorithm, SigningKeyState } from "@/lib/db/generated/enums";
import {
  auditKeyChange,
  demoteKey,
  insertKey,
  liveKeys,
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

/**
 * On-demand rotation. A pending next key (already in JWKS) is promoted; otherwise a new key with the
 * track's current algorithm signs from now on. The old primary stays published as a secondary until
 * the longest access token it can have signed has expired. `inTransaction` lets the caller audit in
 * the same transaction.
 */
export async function rotateSigningKeys(
  db: Db,
  trackId: string,
  opts: { inTransaction?: (tx: Tx, result: { primaryKid: string; previousKid: string | null }) => Promise<void> } = {},
): Promise<{ primaryKid: string }> {
  const result = await withTrackLock(db, trackId, async (tx, track) => {
    const now = new Date();
    const keys = await liveKeys(tx, trackId);
    const primary = keys.find((k) => k.state === "primary");
    const next = keys
      .filter((k) => isNextKey(k) && k.notAfter > now)
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    const retireAt = new Date(now.getTime() + (await retainSeconds(tx, trackId)) * 1000);
    await demoteKey(tx, primary?.id ?? null, retireAt);
    const primaryKid = next
      ? await promoteKey(tx, next.id)
      : await insertKey(tx, { ...track, tenantName: track.tenant.name }, track.signingAlgorithm, "primary");
    const previousKid = primary?.kid ?? null;
    if (!opts.inTransaction) {
      await auditKeyChange(tx, track, "signing-keys.rotate", "rotate", { primary_kid: primaryKid, previous_kid: previousKid });
    }
    await opts.inTransaction?.(tx, { primaryKid, previousKid });
    await publishChange(tx, "signing-keys", trackId);
    return { primaryKid };
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
