import "server-only";
import { createHash, createPrivateKey, type KeyObject } from "node:crypto";
import type { JWK } from "jose";
import { changeFeedReady, onChange } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import { decryptWithKek } from "./encryption";
import { kek } from "./key-store";
import { ensureTrackKeySchedule } from "./run-key-schedule";
import { logFailure } from "@/lib/telemetry";

export type TrackKeys = {
  signer: { kid: string; alg: string; key: KeyObject };
  jwks: { keys: JWK[] };
  etag: string;
  /** when a pending next key becomes primary (ms since epoch), if one is pending */
  nextActivation: number | null;
};

export class TrackKeysUnavailableError extends Error {}

// Scheduled promotions and retirements are picked up within this time even without a change event;
// a pending next key's activation is met on time, but never by more than one refresh a second.
const TTL_MS = 60_000;
const MIN_REFRESH_MS = 1000;
const MAX_SIGNERS = 1000;
const PUBLIC_MEMBERS = ["kty", "kid", "use", "alg", "n", "e", "crv", "x", "y", "x5c", "x5t#S256"] as const;

type Entry = { value?: TrackKeys; freshUntil: number; pending?: Promise<TrackKeys> };
type State = { entries: Map<string, Entry>; signers: Map<string, Promise<KeyObject>>; unsubscribe?: () => void };

// On globalThis: Next bundles route handlers separately, and they must share one cache and one decrypted key.
const g = globalThis as unknown as { __fennecTrackKeys?: State };
const state = (): State => (g.__fennecTrackKeys ??= { entries: new Map(), signers: new Map() });

/**
 * The track's signer (its primary key, decrypted and imported once per process) and its published
 * JWKS (primary first, then secondaries), from memory. A refresh after the TTL serves the previous
 * value until the new one is ready; a change event drops the entry at once.
 */
export async function getTrackKeys(trackId: string): Promise<TrackKeys> {
  const s = state();
  s.unsubscribe ??= onChange(({ topic, key }) => {
    if (topic === "signing-keys" || topic === "track") s.entries.delete(key);
  });
  let entry = s.entries.get(trackId);
  if (!entry) {
    entry = { freshUntil: 0 };
    s.entries.set(trackId, entry);
  }
  if (entry.value && Date.now() < entry.freshUntil) return entry.value;
  const pending = (entry.pending ??= refresh(trackId, entry));
  if (entry.value) {
    pending.catch(() => {}); // the previous keys keep serving; the next call retries
    return entry.value;
  }
  return pending;
}

function refresh(trackId: string, entry: Entry): Promise<TrackKeys> {
  return loadTrackKeys(trackId)
    .then((value) => {
      entry.value = value;
      const now = Date.now();
      entry.freshUntil = Math.max(now + MIN_REFRESH_MS, Math.min(now + TTL_MS, value.nextActivation ?? Infinity));
      return value;
    })
    .finally(() => {
      entry.pending = undefined;
    });
}

async function loadTrackKeys(trackId: string): Promise<TrackKeys> {
  await changeFeedReady();
  const db = getDb();
  try {
    await ensureTrackKeySchedule(db, trackId);
  } catch (e) {
    // the keys already stored still sign and verify; the periodic run retries the schedule
    logFailure("key_schedule_failed", `Fennec: key schedule check failed for track ${trackId}`, e, { track_id: trackId });
  }
  const now = new Date();
  const rows = await db.signingKey.findMany({
    where: { trackId, state: { in: ["primary", "secondary"] } },
    select: { id: true, kid: true, algorithm: true, state: true, publicJwk: true, activateAt: true, retireAt: true, createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const primary = rows.find((r) => r.state === "primary");
  if (!primary) throw new TrackKeysUnavailableError("the track has no primary signing key");
  const published = [primary, ...rows.filter((r) => r.state === "secondary" && !(r.retireAt && r.retireAt <= now))];
  const jwks = { keys: published.map((r) => publicJwk(r.publicJwk, r.kid, r.algorithm)) };
  const key = await signerKey(primary.id, primary.kid);
  const etag = `"${createHash("sha256").update(JSON.stringify(jwks)).digest("base64url").slice(0, 32)}"`;
  const activations = rows.flatMap((r) => (r.state === "secondary" && r.activateAt ? [r.activateAt.getTime()] : []));
  const nextActivation = activations.length ? Math.min(...activations) : null;
  return { signer: { kid: primary.kid, alg: primary.algorithm, key }, jwks, etag, nextActivation };
}

function publicJwk(stored: unknown, kid: string, alg: string): JWK {
  const src = (stored ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const m of PUBLIC_MEMBERS) if (src[m] !== undefined) out[m] = src[m];
  return { ...out, kid, use: "sig", alg } as JWK;
}

function signerKey(id: string, kid: string): Promise<KeyObject> {
  const signers = state().signers;
  let key = signers.get(kid);
  if (!key) {
    if (signers.size >= MAX_SIGNERS) signers.clear(); // only primaries are ever imported; old ones re-import on demand
    key = importSigner(id, kid);
    signers.set(kid, key);
    key.catch(() => signers.delete(kid));
  }
  return key;
}

// a node:crypto KeyObject: the token route signs with node:crypto directly (lib/oauth/sign-jws.ts)
async function importSigner(id: string, kid: string): Promise<KeyObject> {
  // the encrypted private key is selected here only, by the one code path that signs
  const row = await getDb().signingKey.findUniqueOrThrow({ where: { id }, select: { privateKeyEncrypted: true } });
  if (!row.privateKeyEncrypted) throw new TrackKeysUnavailableError("the primary signing key has no private key");
  return createPrivateKey(decryptWithKek(kek(), row.privateKeyEncrypted, `signing-key:${kid}`));
}

/** Tests and shutdown: forget cached keys so the next call reads the database again. */
export function clearTrackKeysCache() {
  const s = state();
  s.entries.clear();
  s.signers.clear();
}
