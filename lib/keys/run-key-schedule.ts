import "server-only";
import type { Db } from "@/lib/db";
import {
  applyKeyAction,
  auditKeyChange,
  liveKeys,
  publishChange,
  retainSeconds,
  scheduleKeySelect,
  scheduleTrack,
  trackScheduleSelect,
  withTrackLock,
} from "./key-store";
import { planKeySchedule, type KeyAction } from "./schedule";
import { logFailure } from "@/lib/telemetry";

/**
 * Applies the scheduled rotation to one track under its row lock. The plan is made again inside the
 * lock from fresh rows, so two instances (or a timer and a JWKS refresh) never apply it twice.
 */
export async function runTrackKeySchedule(db: Db, trackId: string, now = new Date()): Promise<KeyAction[]> {
  const done = await withTrackLock(db, trackId, async (tx, track) => {
    const keys = await liveKeys(tx, trackId);
    const actions = planKeySchedule(keys, scheduleTrack(track, await retainSeconds(tx, trackId)), now);
    for (const action of actions) await applyKeyAction(tx, track, action, now);
    if (actions.length > 0) {
      await auditKeyChange(tx, track, "signing-keys.schedule", "key-schedule", { actions: actions.map(describe) });
      await publishChange(tx, "signing-keys", trackId);
    }
    return actions;
  });
  return done ?? [];
}

/** Cheap check without a lock: one read, and the locked run only when something is due. */
export async function ensureTrackKeySchedule(db: Db, trackId: string, now = new Date()): Promise<KeyAction[]> {
  const track = await db.track.findUnique({
    where: { id: trackId },
    select: { ...trackScheduleSelect, signingKeys: { where: { state: { not: "retired" } }, select: scheduleKeySelect } },
  });
  if (!track) return [];
  // retainSeconds only shapes the actions' dates, not whether any is due
  if (planKeySchedule(track.signingKeys, scheduleTrack(track, 0), now).length === 0) return [];
  return runTrackKeySchedule(db, trackId, now);
}

/** Every track's schedule; called periodically by each instance (instrumentation.ts). */
export async function runKeySchedule(db: Db, now = new Date()): Promise<{ tracks: number; changed: number }> {
  const tracks = await db.track.findMany({
    select: { ...trackScheduleSelect, signingKeys: { where: { state: { not: "retired" } }, select: scheduleKeySelect } },
  });
  let changed = 0;
  for (const track of tracks) {
    if (planKeySchedule(track.signingKeys, scheduleTrack(track, 0), now).length === 0) continue;
    try {
      if ((await runTrackKeySchedule(db, track.id, now)).length > 0) changed++;
    } catch (e) {
      logFailure("key_schedule_failed", `Fennec: key schedule failed for track ${track.tenant.name}/${track.name}`, e, { tenant: track.tenant.name, track: track.name });
    }
  }
  return { tracks: tracks.length, changed };
}

function describe(a: KeyAction) {
  switch (a.type) {
    case "retire":
      return { type: a.type };
    case "promote":
      return { type: a.type, retire_previous_at: a.retireAt.toISOString() };
    case "create-next":
      return { type: a.type, algorithm: a.algorithm, activate_at: a.activateAt.toISOString() };
    case "create-primary":
      return { type: a.type, algorithm: a.algorithm };
  }
}
