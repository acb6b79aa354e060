import "server-only";
import { publishChange } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { revokedTokensQuerySchema, type RevokedTokenPage, type RevokedTokensQuery, type RevokeTokensResult } from "@/lib/validation";
import { assertMayWrite, type Actor } from "./actor";
import { inTransaction } from "./db";
import { findClientRef } from "./lookup";
import { decodeTimeIdCursor, encodeTimeIdCursor } from "./paging";
import { parseInput } from "./parse";
import type { PartyRefInput } from "./parties";
import { assertMayChangeClient } from "./privilege";

/** The client's "not before" and its revoked tokens that have not expired yet, newest first. */
export async function listRevokedTokens(actor: Actor, ref: PartyRefInput, query: RevokedTokensQuery = {}): Promise<RevokedTokenPage> {
  const p = await findClientRef(actor, ref);
  const q = parseInput(revokedTokensQuerySchema, query);
  const after = decodeTimeIdCursor(q.cursor);
  const db = getDb();
  const [party, rows] = await Promise.all([
    db.party.findUniqueOrThrow({ where: { id: p.id }, select: { tokensNotBefore: true } }),
    db.revokedToken.findMany({
      where: {
        partyId: p.id,
        expiresAt: { gt: new Date() },
        ...(after ? { OR: [{ revokedAt: { lt: after.at } }, { revokedAt: after.at, jti: { lt: after.id } }] } : {}),
      },
      orderBy: [{ revokedAt: "desc" }, { jti: "desc" }],
      take: q.page_size + 1,
      select: { jti: true, revokedAt: true, expiresAt: true },
    }),
  ]);
  const more = rows.length > q.page_size;
  const shown = more ? rows.slice(0, q.page_size) : rows;
  const last = shown[shown.length - 1];
  return {
    tokens_not_before: party.tokensNotBefore?.toISOString() ?? null,
    data: shown.map((r) => ({ jti: r.jti, revoked_at: r.revokedAt.toISOString(), expires_at: r.expiresAt.toISOString() })),
    next_cursor: more && last ? encodeTimeIdCursor(last.revokedAt, last.jti) : null,
  };
}

/**
 * Revokes every token the client was issued before now (Keycloak's "not before"): introspection calls
 * them inactive on every instance within a few seconds (change feed). Tokens issued later are not affected.
 */
export async function revokeClientTokens(actor: Actor, ref: PartyRefInput): Promise<RevokeTokensResult> {
  assertMayWrite(actor);
  const p = await findClientRef(actor, ref);
  return inTransaction(async (tx) => {
    await assertMayChangeClient(actor, p, tx);
    const row = await tx.party.update({ where: { id: p.id }, data: { tokensNotBefore: new Date() }, select: { tokensNotBefore: true } });
    const at = row.tokensNotBefore!.toISOString();
    await recordAudit(tx, actor, {
      action: "party.revoke_tokens",
      tenant: { id: p.track.tenantId, name: p.track.tenantName },
      track: p.track.name,
      targetType: "party",
      targetName: p.name,
      changes: { tokens_not_before: { to: at } },
    });
    await publishChange(tx, "client-tokens", p.id);
    return { tokens_not_before: at };
  });
}
