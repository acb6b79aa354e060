import "server-only";
import { describeError } from "@/lib/errors/describe-error";
import { getDb } from "@/lib/db";
import { runKeySchedule } from "./run-key-schedule";

const FIRST_RUN_MS = 15_000;
const INTERVAL_MS = 5 * 60_000;
const g = globalThis as unknown as { __fennecKeyTimer?: NodeJS.Timeout };

/** Each instance checks every track's key schedule every few minutes; the track lock makes one of them act. */
export function startKeyScheduleTimer() {
  if (g.__fennecKeyTimer) return;
  const tick = async () => {
    try {
      const { changed } = await runKeySchedule(getDb());
      if (changed > 0) console.log(`Fennec: key schedule rotated keys in ${changed} track(s)`);
    } catch (e) {
      console.error(`Fennec: key schedule run failed: ${describeError(e)}`);
    }
  };
  const first = setTimeout(() => void tick(), FIRST_RUN_MS);
  first.unref();
  g.__fennecKeyTimer = setInterval(() => void tick(), INTERVAL_MS);
  g.__fennecKeyTimer.unref();
}
