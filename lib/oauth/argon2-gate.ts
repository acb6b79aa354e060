import "server-only";
import { countArgon2 } from "@/lib/telemetry";
import { availableParallelism } from "node:os";
import { OAuthError } from "./errors";

// Every argon2 check on the token route (a real one for a cold client, or the decoy that an unknown
// client costs) passes this gate. At most one core's worth fewer than the machine runs at once, and a
// bounded queue waits; past it the request is refused with 503, the same for known and unknown ids.
// A flood of guesses therefore cannot take every core from warm clients, which need no argon2 at all.
const CONCURRENCY = Math.max(1, availableParallelism() - 1);
const MAX_QUEUED = 64;

type Gate = { running: number; queue: (() => void)[] };
const g = globalThis as unknown as { __fennecArgon2Gate?: Gate };
const gate = () => (g.__fennecArgon2Gate ??= { running: 0, queue: [] });

export const busy = () =>
  new OAuthError("server_error", "too many client authentications at once; retry shortly", { status: 503 });

export async function throughArgon2Gate<T>(fn: () => Promise<T>): Promise<T> {
  const s = gate();
  if (s.running >= CONCURRENCY) {
    if (s.queue.length >= MAX_QUEUED) throw busy();
    await new Promise<void>((resolve) => s.queue.push(resolve));
  } else {
    s.running++;
  }
  countArgon2();
  try {
    return await fn();
  } finally {
    const next = s.queue.shift();
    if (next) next();
    else s.running--;
  }
}
