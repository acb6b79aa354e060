import "server-only";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { listSigningKeys, promoteSigningKeysNow, rotateSigningKeys } from "@/lib/keys/rotate";
import { recordAudit } from "@/lib/audit";
import type { PromoteResult, RotateResult, SigningKeyView } from "@/lib/validation/views";
import { assertMayWrite, type Actor } from "./actor";
import { findTrackRef } from "./lookup";
import { signingKeyView } from "./views";

export async function listTrackSigningKeys(actor: Actor, tenant: string, track: string): Promise<SigningKeyView[]> {
  const t = await findTrackRef(actor, tenant, track);
  return (await listSigningKeys(getDb(), t.id)).map(signingKeyView);
}

type TrackRef = Awaited<ReturnType<typeof findTrackRef>>;
const auditTarget = (t: TrackRef) => ({ tenant: { id: t.tenantId, name: t.tenantName }, track: t.name, targetType: "track", targetName: t.name });

/**
 * Rotate: KEYS publishes the next key now and the key schedule promotes it once JWKS caches
 * (FENNEC_KEY_PUBLISH_LEAD_SECONDS) have it; the audit event is written in its transaction.
 */
export async function rotateTrackSigningKeys(actor: Actor, tenant: string, track: string): Promise<RotateResult> {
  assertMayWrite(actor);
  const t = await findTrackRef(actor, tenant, track);
  const db = getDb();
  const r = await rotateSigningKeys(db, t.id, {
    leadSeconds: getConfig().keyPublishLeadSeconds,
    inTransaction: async (tx, o) => {
      await recordAudit(tx, actor, {
        action: "signing-keys.rotate",
        ...auditTarget(t),
        changes: {
          ...(o.nextKid ? { next_kid: { from: null, to: o.nextKid }, activate_at: { from: null, to: o.activateAt!.toISOString() } } : {}),
          ...(o.previousKid ? { primary_kid: { from: o.previousKid, to: o.primaryKid } } : {}),
        },
      });
    },
  });
  return {
    primary_kid: r.primaryKid,
    next_kid: r.nextKid,
    activate_at: r.activateAt?.toISOString() ?? null,
    keys: (await listSigningKeys(db, t.id)).map(signingKeyView),
  };
}

/** Promote now (emergency): the next or a new key signs at once. */
export async function promoteTrackSigningKeysNow(actor: Actor, tenant: string, track: string): Promise<PromoteResult> {
  assertMayWrite(actor);
  const t = await findTrackRef(actor, tenant, track);
  const db = getDb();
  const r = await promoteSigningKeysNow(db, t.id, {
    inTransaction: async (tx, o) => {
      await recordAudit(tx, actor, {
        action: "signing-keys.promote-now",
        ...auditTarget(t),
        changes: { primary_kid: { from: o.previousKid, to: o.primaryKid } },
      });
    },
  });
  return { primary_kid: r.primaryKid, previous_kid: r.previousKid, keys: (await listSigningKeys(db, t.id)).map(signingKeyView) };
}
