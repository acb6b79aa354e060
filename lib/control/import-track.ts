import "server-only";
import { publishChange } from "@/lib/cache/change-feed";
import type { getDb } from "@/lib/db";
import { diffFields, recordAudit } from "@/lib/audit";
import type { ExportTrack } from "@/lib/validation/export";
import type { Actor } from "./actor";
import type { Tx } from "./db";
import type { TrackRef } from "./lookup";
import { trackSelect, trackView } from "./views";

type Reader = Tx | ReturnType<typeof getDb>;

const settingsOf = (t: ExportTrack) => ({
  displayName: t.display_name || null,
  signingAlgorithm: t.signing_algorithm,
  keyValidityMonths: t.key_validity_months,
  keyRenewDaysBeforeExpiry: t.key_renew_days_before_expiry,
  keyPrimaryAfterDays: t.key_primary_after_days,
});

const FIELD: Record<keyof ReturnType<typeof settingsOf>, string> = {
  displayName: "display_name",
  signingAlgorithm: "signing_algorithm",
  keyValidityMonths: "key_validity_months",
  keyRenewDaysBeforeExpiry: "key_renew_days_before_expiry",
  keyPrimaryAfterDays: "key_primary_after_days",
};

/** The track settings the document would change (a new signing algorithm applies from the next rotation). */
export async function trackSettingsChanges(db: Reader, track: TrackRef, settings: ExportTrack | undefined): Promise<string[]> {
  if (!settings) return [];
  const row = await db.track.findUniqueOrThrow({ where: { id: track.id }, select: trackSelect });
  const wanted = settingsOf(settings);
  return (Object.keys(wanted) as (keyof typeof wanted)[]).filter((k) => wanted[k] !== row[k]).map((k) => FIELD[k]);
}

export async function writeTrackSettings(tx: Tx, actor: Actor, track: TrackRef, settings: ExportTrack): Promise<void> {
  const before = await tx.track.findUniqueOrThrow({ where: { id: track.id }, select: trackSelect });
  const after = await tx.track.update({
    where: { id: track.id },
    data: { ...settingsOf(settings), version: { increment: 1 } },
    select: trackSelect,
  });
  await recordAudit(tx, actor, {
    action: "track.update",
    tenant: { id: track.tenantId, name: track.tenantName },
    track: track.name,
    targetType: "track",
    targetName: track.name,
    changes: { ...diffFields(trackView(track.tenantName, before), trackView(track.tenantName, after)), imported: { to: true } },
  });
  await publishChange(tx, "track", track.id);
}
