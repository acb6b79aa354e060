import "server-only";
import { createHash } from "node:crypto";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";

// Failed admin sign-ins (README "Security"), counted in the database through rate-limiter-flexible's
// Prisma store (table RateLimit, atomic increments), so the limits hold across instances and restarts.
//
// Every attempt is counted *before* its password is checked, and the password is checked only while the
// count is within the limit: parallel guesses cannot all slip in before the first failure is written.
// Reaching a limit locks the account (or address) for 1 minute, then 2, 4, 8, and at most 15 minutes for
// each further lock within a day: an attacker cannot keep an administrator out for long at a time,
// and a guesser gets at most 5 tries per lock. A successful sign-in clears the account's counts.
export const WINDOW_S = 15 * 60;
export const LIMITS = { account: 5, address: 20 } as const;
const FIRST_LOCK_S = 60;
const MAX_LOCK_S = 15 * 60;
const LOCK_MEMORY_S = 24 * 60 * 60;

type Kind = keyof typeof LIMITS;
type Limiters = Record<Kind, { failures: RateLimiterPrisma; locks: RateLimiterPrisma }>;
const g = globalThis as unknown as { __fennecSignInThrottle?: Limiters };

function limiters(): Limiters {
  if (!g.__fennecSignInThrottle) {
    const make = (keyPrefix: string, points: number, duration: number) =>
      new RateLimiterPrisma({ storeClient: getDb(), tableName: "rateLimit", keyPrefix, points, duration });
    g.__fennecSignInThrottle = {
      account: { failures: make("signin-account", LIMITS.account, WINDOW_S), locks: make("signin-account-locks", 1_000_000, LOCK_MEMORY_S) },
      address: { failures: make("signin-address", LIMITS.address, WINDOW_S), locks: make("signin-address-locks", 1_000_000, LOCK_MEMORY_S) },
    };
  }
  return g.__fennecSignInThrottle;
}

/** The n-th lock within a day lasts 1, 2, 4, 8 … minutes, at most 15. */
export const lockSeconds = (n: number) => Math.min(MAX_LOCK_S, FIRST_LOCK_S * 2 ** Math.max(0, Math.min(n, 20) - 1));

// The limiters live on globalThis, so the module graph that made them (the sign-in route's) may not be the
// one asking (a server action's, with its own copy of the library): its RateLimiterRes is another class.
function isRateLimiterRes(e: unknown): e is RateLimiterRes {
  if (e instanceof RateLimiterRes) return true;
  const r = e as Partial<RateLimiterRes> | null;
  return typeof r === "object" && r !== null && typeof r.msBeforeNext === "number" && typeof r.consumedPoints === "number";
}

/** Sign-in is locked for this account or address; the answer says for how long. */
export class SignInLocked extends Error {
  constructor(readonly retryAfterMs: number) {
    super("sign-in locked");
  }
}

/** An attempt that was counted and may have its password checked. */
export type SignInAttempt = { keys: Partial<Record<Kind, string>>; counts: Partial<Record<Kind, number>> };

// The e-mail address is kept only as a hash; an address is a validated IP (lib/net).
const accountKey = (email: string) => createHash("sha256").update(email.toLowerCase()).digest("base64url");

/**
 * Counts one attempt for the address, then for the account; throws SignInLocked, without checking
 * anything, when either is over its limit (or locked).
 */
export async function beginSignIn(email: string, address: string | null): Promise<SignInAttempt> {
  const attempt: SignInAttempt = { keys: { account: accountKey(email) }, counts: {} };
  if (address) attempt.keys.address = address;
  for (const kind of ["address", "account"] as const) {
    const key = attempt.keys[kind];
    if (!key) continue;
    try {
      attempt.counts[kind] = (await limiters()[kind].failures.consume(key)).consumedPoints;
    } catch (e) {
      if (isRateLimiterRes(e)) throw new SignInLocked(e.msBeforeNext);
      throw e;
    }
  }
  return attempt;
}

/** The password was wrong (or the account unknown): the attempt that reached a limit locks its key. */
export async function signInFailed(attempt: SignInAttempt): Promise<void> {
  for (const kind of ["account", "address"] as const) {
    const key = attempt.keys[kind];
    if (!key || (attempt.counts[kind] ?? 0) < LIMITS[kind]) continue;
    const { failures, locks } = limiters()[kind];
    const n = (await locks.consume(key)).consumedPoints;
    await failures.block(key, lockSeconds(n));
  }
}

/** The right password: the account starts afresh; the address gets its attempt back. */
export async function signInSucceeded(attempt: SignInAttempt): Promise<void> {
  const { account, address } = attempt.keys;
  if (account) await Promise.all([limiters().account.failures.delete(account), limiters().account.locks.delete(account)]);
  if (address) await limiters().address.failures.reward(address, 1);
}
