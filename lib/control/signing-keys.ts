import "server-only";
import { assertMayWrite } from "./actor";
import { getDb } from "@/lib/db";
import { listSigningKeys, rotateSigningKeys } from "@/lib/keys/rotate";
import { recordAudit } from "@/lib/audit";
import type { RotateResult, SigningKeyView } from "@/lib/validation/views";
import type { Actor } from "./actor";
import { findTrackRef } from "./lookup";
import { signingKeyView } from "./views";

export async function listTrackSigningKeys(actor: Actor, tenant: string, track: string): Promise<SigningKeyView[]> {
  const t = await findTrackRef(actor, tenant, track);
  return (await listSigningKeys(getDb(), t.id)).map(signingKeyView);
}

/** Rotate now: KEYS promotes the next key or creates one; the audit event is written in its transaction. */
export async function rotateTrackSigningKeys(
  actor: Actor,
  tenant: string,
  track: string,
): Promise<RotateResult> {
  assertMayWrite(actor);
  const t = await findTrackRef(actor, tenant, track);
  const db = getDb();
  const { primaryKid } = await rotateSigningKeys(db, t.id, {
    inTransaction: async (tx, r) => {
      await recordAudit(tx, actor, {
        action: "signing-keys.rotate",
        tenant: { id: t.tenantId, name: t.tenantName },
        track: t.name,
        targetType: "track",
        targetName: t.name,
        changes: { primary_kid: { from: r.previousKid, to: r.primaryKid } },
      });
    },
  });
  return { primary_kid: primaryKid, keys: (await listSigningKeys(db, t.id)).map(signingKeyView) };
}
