import "server-only";
import { LRUCache } from "lru-cache";
import { RateLimiterPrisma } from "rate-limiter-flexible";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";

// RFC 6749 §2.3.1: the token endpoint must resist guessing of client secrets. After MAX_FAILURES
// failed authentications for one client id within the window (FENNEC_CLIENT_THROTTLE_WINDOW_SECONDS, a
// minute by default; it starts at the first failure), no new secret is checked for that id until the
// window ends. A secret already known to match (secret-match-cache) still works, so a guessing
// attacker cannot lock the real, warm client out. Keys are `{track id}:{client id}`, and client ids are
// checked against the name grammar before they get here, so a key is at most ~90 characters.
//
// Each process counts in a bounded LRU. With DATABASE_URL (several instances or workers) the count is
// also kept in the database through rate-limiter-flexible's Prisma store, so N instances do not give
// an attacker N times the guesses; if the database cannot be asked, the local count still applies.
export const MAX_FAILURES = 20;
const MAX_LOCAL_KEYS = 50_000;

type Window = { failures: number };
type State = { local: LRUCache<string, Window>; shared: RateLimiterPrisma | null };
const g = globalThis as unknown as { __fennecAuthFailures?: State };

function state(): State {
  if (!g.__fennecAuthFailures) {
    const windowS = getConfig().clientThrottleWindowSeconds;
    const shared = getConfig().databaseUrl
      ? new RateLimiterPrisma({
          storeClient: getDb(),
          tableName: "rateLimit",
          keyPrefix: "client-auth",
          points: MAX_FAILURES,
          duration: windowS,
        })
      : null;
    g.__fennecAuthFailures = { local: new LRUCache({
        max: MAX_LOCAL_KEYS,
        maxSize: MAX_LOCAL_KEYS * 128,
        sizeCalculation: (_v, k) => k.length,
        ttl: windowS * 1000,
      }), shared };
  }
  return g.__fennecAuthFailures;
}

export async function isThrottled(key: string): Promise<boolean> {
  const s = state();
  if ((s.local.get(key)?.failures ?? 0) >= MAX_FAILURES) return true;
  if (!s.shared) return false;
  try {
    return ((await s.shared.get(key))?.consumedPoints ?? 0) >= MAX_FAILURES;
  } catch {
    return false;
  }
}

export async function recordFailure(key: string): Promise<void> {
  const s = state();
  const w = s.local.get(key);
  if (w) w.failures++;
  else s.local.set(key, { failures: 1 });
  // consume() rejects once the points are used up; that is the throttle working, not an error
  await s.shared?.consume(key, 1).catch(() => {});
}
