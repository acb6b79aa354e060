import "server-only";

// RFC 6749 §2.3.1: the token endpoint must resist guessing of client secrets. After MAX_FAILURES
// wrong secrets for one client within WINDOW_MS, this instance stops checking new secrets for that
// client until the window ends. A secret already known to match (secret-match-cache) still works, so a
// guessing attacker cannot lock the real, warm client out.
const WINDOW_MS = 60_000;
const MAX_FAILURES = 20;
const MAX_ENTRIES = 50_000;

type Window = { start: number; failures: number };
const g = globalThis as unknown as { __fennecAuthFailures?: Map<string, Window> };
const windows = () => (g.__fennecAuthFailures ??= new Map());

function current(key: string): Window | undefined {
  const w = windows().get(key);
  if (w && Date.now() - w.start >= WINDOW_MS) {
    windows().delete(key);
    return undefined;
  }
  return w;
}

export const isThrottled = (key: string) => (current(key)?.failures ?? 0) >= MAX_FAILURES;

export function recordFailure(key: string) {
  const map = windows();
  const w = current(key);
  if (w) {
    w.failures++;
    return;
  }
  if (map.size >= MAX_ENTRIES) {
    const now = Date.now();
    for (const [k, v] of map) if (now - v.start >= WINDOW_MS) map.delete(k);
    if (map.size >= MAX_ENTRIES) map.clear();
  }
  map.set(key, { start: Date.now(), failures: 1 });
}
