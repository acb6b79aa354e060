import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/db";

const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === "P2002";

/**
 * Records a client assertion's jti (RFC 7523 §3 item 7) until the assertion expires. The primary key
 * makes the insert the arbiter: of two instances that see the same assertion, only one insert wins.
 * Returns false when the jti was already used.
 */
export async function claimAssertionId(partyId: string, jti: string, expiresAt: Date): Promise<boolean> {
  const db = getDb();
  const id = createHash("sha256").update(`${partyId}:${jti}`).digest("base64url");
  try {
    await db.usedAssertion.create({ data: { id, expiresAt } });
  } catch (e) {
    if (!isUniqueViolation(e)) throw e;
    // an expired record may be reused; deleting it is itself atomic, so still only one request wins
    const { count } = await db.usedAssertion.deleteMany({ where: { id, expiresAt: { lt: new Date() } } });
    if (count === 0) return false;
    try {
      await db.usedAssertion.create({ data: { id, expiresAt } });
    } catch (e2) {
      if (isUniqueViolation(e2)) return false;
      throw e2;
    }
  }
  if (Math.random() < 0.01) {
    void db.usedAssertion.deleteMany({ where: { expiresAt: { lt: new Date(Date.now() - 60_000) } } }).catch(() => {});
  }
  return true;
}
