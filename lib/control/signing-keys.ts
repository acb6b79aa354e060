import "server-only";
import { getDb } from "@/lib/db";
import { listSigningKeys, rotateSigningKeys, type SigningKeyView as KeyRow } from "@/lib/keys/rotate";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "./actor";
import { findTrackRef } from "./lookup";

export type SigningKeyView = ReturnType<typeof signingKeyView>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function signingKeyView(k: KeyRow) {
  return {
    kid: k.kid,
    alg: k.alg,
    state: k.state,
    next: k.next,
    not_before: iso(k.notBefore)!,
    not_after: iso(k.notAfter)!,
    activate_at: iso(k.activateAt),
    retire_at: iso(k.retireAt),
    "x5t#S256": k.x5tS256,
    subject: k.subject,
    created_at: iso(k.createdAt)!,
  };
}

export async function listTrackSigningKeys(actor: Actor, tenant: string, track: string): Promise<SigningKeyView[]> {
  const t = await findTrackRef(actor, tenant, track);
  return (await listSigningKeys(getDb(), t.id)).map(signingKeyView);
}

/** Rotate now: KEYS promotes the next key or creates one; the audit event is written in its transaction. */
export async function rotateTrackSigningKeys(
  actor: Actor,
  tenant: string,
  track: string,
): Promise<{ primary_kid: string; keys: SigningKeyView[] }> {
  const t = await findTrackRef(actor, tenant, track);
  const db = getDb();
  const { primaryKid } = await rotateSigningKeys(db, t.id, {
    inTransaction: async (tx, r) => {
      await recordAudit(tx, actor, {
        action: "signing-keys.rotate",
        tenant: t.tenantName,
        track: t.name,
        targetType: "track",
        targetName: t.name,
        changes: { primary_kid: { from: r.previousKid, to: r.primaryKid } },
      });
    },
  });
  return { primary_kid: primaryKid, keys: (await listSigningKeys(db, t.id)).map(signingKeyView) };
}
