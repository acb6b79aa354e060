import "server-only";
import { cacheCounter } from "@/lib/telemetry";
import { createHmac, randomBytes } from "node:crypto";
import { LRUCache } from "lru-cache";

// argon2id costs ~8 ms of CPU per check; a warm client must not pay it on every token request.
// After a successful check the match is remembered under HMAC(process key, party + secret), never the
// secret itself, for a bounded time and never beyond the secret's expiry. A change to the party's
// secrets (on any instance, via the change feed) forgets all of that party's matches. Failures are
// remembered only as failures, briefly, in a cache of their own: a flood of wrong secrets evicts other
// wrong secrets, never a warm client's match.
const SUCCESS_TTL_MS = 10 * 60_000;
const FAILURE_TTL_MS = 30_000;
const MAX_MATCHES = 100_000;
const MAX_MISMATCHES = 20_000;
const MAX_GENERATIONS = 200_000;

type Match = { partyId: string; secretId: string };
type State = {
  key: Buffer;
  matches: LRUCache<string, Match>;
  mismatches: LRUCache<string, string>;
  gen: LRUCache<string, number>;
};
const g = globalThis as unknown as { __fennecSecretMatches?: State };

function state(): State {
  g.__fennecSecretMatches ??= {
    key: randomBytes(32),
    matches: new LRUCache({ max: MAX_MATCHES, ttl: SUCCESS_TTL_MS }),
    mismatches: new LRUCache({ max: MAX_MISMATCHES, ttl: FAILURE_TTL_MS }),
    gen: new LRUCache({ max: MAX_GENERATIONS }),
  };
  return g.__fennecSecretMatches;
}

const fingerprint = (partyId: string, secret: string) =>
  createHmac("sha256", state().key).update(partyId).update("\0").update(secret).digest("base64url");

export type CachedMatch = { kind: "match"; secretId: string } | { kind: "mismatch" } | null;

const counter = cacheCounter("secret_match");

export function lookupSecretMatch(partyId: string, secret: string): CachedMatch {
  const s = state();
  const fp = fingerprint(partyId, secret);
  const m = s.matches.get(fp);
  if (m && m.partyId === partyId) {
    counter.hit();
    return { kind: "match", secretId: m.secretId };
  }
  if (s.mismatches.get(fp) === partyId) {
    counter.hit();
    return { kind: "mismatch" };
  }
  counter.miss();
  return null;
}

/** A token to pass back to remember*: the result is dropped if the party's secrets changed meanwhile. */
export const secretGeneration = (partyId: string) => state().gen.get(partyId) ?? 0;

export function rememberSecretMatch(partyId: string, secret: string, secretId: string, expiresAt: number | null, gen: number) {
  if (secretGeneration(partyId) !== gen) return;
  const ttl = Math.min(SUCCESS_TTL_MS, (expiresAt ?? Infinity) - Date.now());
  if (ttl > 0) state().matches.set(fingerprint(partyId, secret), { partyId, secretId }, { ttl });
}

export function rememberSecretMismatch(partyId: string, secret: string, gen: number) {
  if (secretGeneration(partyId) !== gen) return;
  state().mismatches.set(fingerprint(partyId, secret), partyId);
}

export function forgetPartySecrets(partyId: string) {
  const s = state();
  s.gen.set(partyId, secretGeneration(partyId) + 1);
  for (const [k, m] of s.matches.entries()) if (m.partyId === partyId) s.matches.delete(k);
  for (const [k, p] of s.mismatches.entries()) if (p === partyId) s.mismatches.delete(k);
}
