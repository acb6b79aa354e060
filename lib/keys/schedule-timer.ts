import "server-only";
import { getDb } from "@/lib/db";
import { runKeySchedule } from "./run-key-schedule";
import { logEvent, logFailure } from "@/lib/telemetry";

const FIRST_RUN_MS = 15_000;
const INTERVAL_MS = 5 * 60_000;
const g = globalThis as unknown as { __fennecKeyTimer?: NodeJS.Timeout };

/** Each instance checks every track's key schedule every few minutes; the track lock makes one of them act. */
export function startKeyScheduleTimer() {
  if (g.__fennecKeyTimer) return;
  const tick = async () => {
    try {
      const { changed } = await runKeySchedule(getDb());
      if (changed > 0) logEvent("info", "keys_rotated", `Fennec: key schedule rotated keys in ${changed} track(s)`, { tracks: changed });
    } catch (e) {
      logFailure("key_schedule_failed", "Fennec: key schedule run failed", e);
    }
  };
  const first = setTimeout(() => void tick(), FIRST_RUN_MS);
  first.unref();
  g.__fennecKeyTimer = setInterval(() => void tick(), INTERVAL_MS);
  g.__fennecKeyTimer.unref();
}
