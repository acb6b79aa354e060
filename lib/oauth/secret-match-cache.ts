import "server-only";
import { createHmac, randomBytes } from "node:crypto";

// argon2id costs ~8 ms of CPU per check; a warm client must not pay it on every token request.
// After a successful check the match is remembered under HMAC(process key, party + secret), never the
// secret itself, for a bounded time and never beyond the secret's expiry. A change to the party's
// secrets (on any instance, via the change feed) forgets all of that party's matches. Failures are
// remembered only as failures, briefly, so a retried wrong secret costs no argon2 either.
const SUCCESS_TTL_MS = 10 * 60_000;
const FAILURE_TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

type Match = { partyId: string; secretId: string | null; until: number };
const g = globalThis as unknown as {
  __fennecSecretMatches?: { key: Buffer; matches: Map<string, Match>; gen: Map<string, number> };
};

function state() {
  g.__fennecSecretMatches ??= { key: randomBytes(32), matches: new Map(), gen: new Map() };
  return g.__fennecSecretMatches;
}

const fingerprint = (partyId: string, secret: string) =>
  createHmac("sha256", state().key).update(partyId).update("\0").update(secret).digest("base64url");

export type CachedMatch = { kind: "match"; secretId: string } | { kind: "mismatch" } | null;

export function lookupSecretMatch(partyId: string, secret: string): CachedMatch {
  const s = state();
  const fp = fingerprint(partyId, secret);
  const m = s.matches.get(fp);
  if (!m) return null;
  if (m.until <= Date.now() || m.partyId !== partyId) {
    s.matches.delete(fp);
    return null;
  }
  return m.secretId ? { kind: "match", secretId: m.secretId } : { kind: "mismatch" };
}

/** A token to pass back to remember*: the result is dropped if the party's secrets changed meanwhile. */
export const secretGeneration = (partyId: string) => state().gen.get(partyId) ?? 0;

export function rememberSecretMatch(partyId: string, secret: string, secretId: string, expiresAt: number | null, gen: number) {
  const until = Math.min(Date.now() + SUCCESS_TTL_MS, expiresAt ?? Infinity);
  put(partyId, secret, { partyId, secretId, until }, gen);
}

export function rememberSecretMismatch(partyId: string, secret: string, gen: number) {
  put(partyId, secret, { partyId, secretId: null, until: Date.now() + FAILURE_TTL_MS }, gen);
}

function put(partyId: string, secret: string, m: Match, gen: number) {
  const s = state();
  if (secretGeneration(partyId) !== gen) return;
  if (s.matches.size >= MAX_ENTRIES) evictExpiredOrAll(s.matches);
  s.matches.set(fingerprint(partyId, secret), m);
}

function evictExpiredOrAll(matches: Map<string, Match>) {
  const now = Date.now();
  for (const [k, m] of matches) if (m.until <= now) matches.delete(k);
  if (matches.size >= MAX_ENTRIES) matches.clear();
}

export function forgetPartySecrets(partyId: string) {
  const s = state();
  s.gen.set(partyId, secretGeneration(partyId) + 1);
  for (const [k, m] of s.matches) if (m.partyId === partyId) s.matches.delete(k);
}
