import "server-only";
import { LRUCache } from "lru-cache";
import { changeFeedReady, onChange, publishChange, transactionWithChanges } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";

// Which access tokens were revoked (RFC 7009), as introspection asks it. Only introspection reads this:
// the token route never does, so revocation costs it nothing. Answers are kept in memory; a revocation
// on any instance reaches every instance's copy through the change feed (topic revoked-token, polled each
// second; the revoking instance applies it at commit). Only jtis of validly signed, unexpired tokens
// get here, so the cache fills only as fast as tokens are issued, and it is bounded anyway.
const MAX_ENTRIES = 100_000;
// a backstop behind the change feed for "not revoked" answers
const NOT_REVOKED_TTL_MS = 60_000;
const MAX_TOKEN_LIFETIME_MS = 86_400_000;
const PRUNE_BATCH = 1000;

type State = { revoked: LRUCache<string, boolean>; loading: Map<string, Promise<boolean>>; gen: number };
const g = globalThis as unknown as { __fennecRevokedTokens?: State };

function state(): State {
  if (!g.__fennecRevokedTokens) {
    const s: State = { revoked: new LRUCache({ max: MAX_ENTRIES, ttl: MAX_TOKEN_LIFETIME_MS }), loading: new Map(), gen: 0 };
    g.__fennecRevokedTokens = s;
    onChange(({ topic, key }) => {
      if (topic !== "revoked-token") return;
      s.gen++;
      s.revoked.set(key, true);
    });
  }
  return g.__fennecRevokedTokens;
}

/** Whether the token with this jti was revoked; expiresAt (ms) bounds how long the answer is kept. */
export async function isTokenRevoked(jti: string, expiresAt: number): Promise<boolean> {
  const s = state();
  const hit = s.revoked.get(jti);
  if (hit !== undefined) return hit;
  const pending = s.loading.get(jti);
  if (pending) return pending;
  const gen = s.gen;
  const p = (async () => {
    await changeFeedReady();
    const row = await getDb().revokedToken.findUnique({ where: { jti }, select: { jti: true } });
    return row !== null;
  })()
    .then((revoked) => {
      const ttl = Math.min(revoked ? MAX_TOKEN_LIFETIME_MS : NOT_REVOKED_TTL_MS, expiresAt - Date.now());
      // a revocation seen while this read was under way wins over what the read found
      if (gen === s.gen && ttl > 0) s.revoked.set(jti, revoked, { ttl });
      return revoked || s.revoked.get(jti) === true;
    })
    .finally(() => s.loading.delete(jti));
  s.loading.set(jti, p);
  return p;
}

/**
 * Records a revocation and tells every instance. Revoking a token twice is not an error. Expired
 * records are pruned a batch at a time as revocations come in.
 */
export async function revokeToken(partyId: string, jti: string, expiresAt: Date): Promise<void> {
  const db = getDb();
  await transactionWithChanges(db, async (tx) => {
    const { count } = await tx.revokedToken.createMany({ data: [{ jti, partyId, expiresAt }], skipDuplicates: true });
    if (count > 0) await publishChange(tx, "revoked-token", jti);
  });
  await pruneExpired().catch(() => {});
}

async function pruneExpired(): Promise<void> {
  const db = getDb();
  const expired = await db.revokedToken.findMany({
    where: { expiresAt: { lt: new Date() } },
    select: { jti: true },
    take: PRUNE_BATCH,
  });
  if (expired.length) await db.revokedToken.deleteMany({ where: { jti: { in: expired.map((r) => r.jti) } } });
}
