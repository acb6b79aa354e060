import type { SigningAlgorithm, SigningKeyState } from "@/lib/db/generated/enums";

export type ScheduleKey = {
  id: string;
  state: SigningKeyState;
  notBefore: Date;
  notAfter: Date;
  activateAt: Date | null;
  retireAt: Date | null;
  createdAt: Date;
};

export type ScheduleTrack = {
  signingAlgorithm: SigningAlgorithm;
  keyValidityMonths: number;
  keyRenewDaysBeforeExpiry: number;
  keyPrimaryAfterDays: number;
  /** How long a demoted primary stays published: the longest access-token lifetime plus leeway. */
  retainSeconds: number;
};

export type KeyAction =
  | { type: "retire"; keyId: string }
  | { type: "promote"; keyId: string; demoteKeyId: string | null; retireAt: Date }
  | { type: "create-next"; algorithm: SigningAlgorithm; activateAt: Date }
  | { type: "create-primary"; algorithm: SigningAlgorithm; demoteKeyId: string | null; retireAt: Date };

const DAY = 86_400_000;
/** FoxIDs replaces a primary that expires within a day rather than sign with it to the last second. */
export const EXPIRY_MARGIN_MS = DAY;

export const isNextKey = (k: ScheduleKey) => k.state === "secondary" && k.activateAt !== null;

/**
 * What the scheduled rotation must do now (FoxIDs' contained_renew_self_signed; README "Track signing keys"):
 * retire previous keys after retireAt, promote the next key once activateAt has passed, publish a
 * next key keyRenewDaysBeforeExpiry days before the primary expires, and replace a primary that is
 * (nearly) expired or missing. Pure: the runner applies the actions under a lock and re-plans there.
 */
export function planKeySchedule(keys: ScheduleKey[], track: ScheduleTrack, now: Date): KeyAction[] {
  const t = now.getTime();
  const actions: KeyAction[] = [];
  const live = keys.filter((k) => k.state !== "retired");
  const retainUntil = new Date(t + track.retainSeconds * 1000);
  const usable = (k: ScheduleKey) => k.notAfter.getTime() - EXPIRY_MARGIN_MS > t;

  const primaries = live.filter((k) => k.state === "primary").sort(newestFirst);
  const next = live.filter(isNextKey).sort(newestFirst);
  let primary: ScheduleKey | undefined = primaries[0];

  // more than one primary (never written by Fennec, but repairable): keep the newest signing
  for (const extra of primaries.slice(1)) actions.push({ type: "retire", keyId: extra.id });
  // only one next key is ever pending; a duplicate from a lost race is dropped
  for (const extra of next.slice(1)) actions.push({ type: "retire", keyId: extra.id });

  for (const k of live) {
    if (k.state !== "secondary" || isNextKey(k)) continue;
    const overdue = (k.retireAt !== null && k.retireAt.getTime() <= t) || k.notAfter.getTime() <= t;
    if (overdue) actions.push({ type: "retire", keyId: k.id });
  }

  const candidate = next[0];
  const candidateUsable = candidate !== undefined && usable(candidate);
  if (candidate && !candidateUsable) actions.push({ type: "retire", keyId: candidate.id });

  const primaryUsable = primary !== undefined && usable(primary);
  const dueByTime = candidateUsable && candidate.activateAt!.getTime() <= t;
  if (candidateUsable && (dueByTime || !primaryUsable)) {
    actions.push({ type: "promote", keyId: candidate.id, demoteKeyId: primary?.id ?? null, retireAt: retainUntil });
    return actions;
  }
  if (!primaryUsable) {
    actions.push({ type: "create-primary", algorithm: track.signingAlgorithm, demoteKeyId: primary?.id ?? null, retireAt: retainUntil });
    return actions;
  }

  primary = primary!;
  const renewFrom = primary.notAfter.getTime() - track.keyRenewDaysBeforeExpiry * DAY;
  if (!candidateUsable && t >= renewFrom) {
    const latest = primary.notAfter.getTime() - EXPIRY_MARGIN_MS;
    const activateAt = new Date(Math.max(t, Math.min(t + track.keyPrimaryAfterDays * DAY, latest)));
    actions.push({ type: "create-next", algorithm: track.signingAlgorithm, activateAt });
  }
  return actions;
}

function newestFirst(a: ScheduleKey, b: ScheduleKey) {
  return b.createdAt.getTime() - a.createdAt.getTime();
}
