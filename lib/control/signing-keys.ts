import "server-only";
import { getDb } from "@/lib/db";
import { listSigningKeys, rotateSigningKeys } from "@/lib/keys/rotate";
import { recordAudit } from "@/lib/audit";
import type { Actor } from "./actor";
import { findTrackRef } from "./lookup";

type SigningKeyRow = Awaited<ReturnType<typeof listSigningKeys>>[number];

export type SigningKeyView = ReturnType<typeof signingKeyView>;

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

function signingKeyView(k: SigningKeyRow) {
  const r = k as SigningKeyRow & Record<string, unknown>;
  return {
    kid: k.kid,
    alg: k.alg,
    state: k.state,
    not_before: iso(k.notBefore),
    not_after: iso(k.notAfter),
    activate_at: iso(k.activateAt),
    retire_at: iso(k.retireAt),
    "x5t#S256": k.x5tS256 ?? null,
    subject: (r.subject ?? r.certificateSubject ?? null) as string | null,
  };
}

export async function listTrackSigningKeys(actor: Actor, tenant: string, track: string): Promise<SigningKeyView[]> {
  const t = await findTrackRef(actor, tenant, track);
  return (await listSigningKeys(getDb(), t.id)).map(signingKeyView);
}

/**
 * Rotate now. KEYS' rotation runs (and publishes `signing-keys`) in its own transaction; the audit
 * event follows it, so a failed rotation leaves no event and a rotation without its event is not possible
 * short of a crash between the two.
 */
export async function rotateTrackSigningKeys(
  actor: Actor,
  tenant: string,
  track: string,
): Promise<{ primary_kid: string; keys: SigningKeyView[] }> {
  const t = await findTrackRef(actor, tenant, track);
  const db = getDb();
  const { primaryKid } = await rotateSigningKeys(db, t.id);
  await recordAudit(db, actor, {
    action: "signing-keys.rotate",
    tenant: t.tenantName,
    track: t.name,
    targetType: "track",
    targetName: t.name,
    changes: { primary_kid: { to: primaryKid } },
  });
  return { primary_kid: primaryKid, keys: (await listSigningKeys(db, t.id)).map(signingKeyView) };
}
