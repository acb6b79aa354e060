import { describe, expect, it } from "vitest";
import { planKeySchedule, type KeyAction, type ScheduleKey, type ScheduleTrack } from "@/lib/keys/schedule";

const DAY = 86_400_000;
const NOW = new Date("2026-06-01T12:00:00Z");
const at = (days: number) => new Date(NOW.getTime() + days * DAY);

const track: ScheduleTrack = {
  signingAlgorithm: "RS256",
  keyValidityMonths: 3,
  keyRenewDaysBeforeExpiry: 10,
  keyPrimaryAfterDays: 5,
  retainSeconds: 3900,
};

let seq = 0;
function key(state: ScheduleKey["state"], opts: Partial<ScheduleKey> & { age?: number; validFor?: number } = {}): ScheduleKey {
  const created = at(-(opts.age ?? 30));
  return {
    id: opts.id ?? `k${++seq}`,
    state,
    notBefore: opts.notBefore ?? created,
    notAfter: opts.notAfter ?? new Date(created.getTime() + (opts.validFor ?? 90) * DAY),
    activateAt: opts.activateAt ?? null,
    retireAt: opts.retireAt ?? null,
    createdAt: opts.createdAt ?? created,
  };
}

describe("planKeySchedule", () => {
  it("does nothing for a primary that is not near expiry", () => {
    expect(planKeySchedule([key("primary", { notAfter: at(60) })], track, NOW)).toEqual([]);
  });

  it("publishes a next key keyRenewDaysBeforeExpiry days before the primary expires, active keyPrimaryAfterDays later", () => {
    expect(planKeySchedule([key("primary", { notAfter: at(10.5) })], track, NOW)).toEqual([]);
    expect(planKeySchedule([key("primary", { notAfter: at(10) })], track, NOW)).toEqual([
      { type: "create-next", algorithm: "RS256", activateAt: at(5) },
    ]);
  });

  it("activates the next key before the primary's last day when the primary expires sooner than keyPrimaryAfterDays", () => {
    const [action] = planKeySchedule([key("primary", { notAfter: at(3) })], track, NOW);
    expect(action).toEqual({ type: "create-next", algorithm: "RS256", activateAt: at(2) });
  });

  it("waits while the next key is published but not yet due", () => {
    const keys = [key("primary", { notAfter: at(8) }), key("secondary", { age: 2, activateAt: at(3) })];
    expect(planKeySchedule(keys, track, NOW)).toEqual([]);
  });

  it("promotes the next key once activateAt has passed; the old primary stays published for retainSeconds", () => {
    const primary = key("primary", { id: "old", notAfter: at(5) });
    const next = key("secondary", { id: "new", age: 5, activateAt: NOW });
    expect(planKeySchedule([primary, next], track, NOW)).toEqual([
      { type: "promote", keyId: "new", demoteKeyId: "old", retireAt: new Date(NOW.getTime() + 3_900_000) },
    ]);
  });

  it("retires a previous key after retireAt, and not before", () => {
    const primary = key("primary", { age: 1, notAfter: at(89) });
    expect(planKeySchedule([primary, key("secondary", { id: "prev", retireAt: at(0.01) })], track, NOW)).toEqual([]);
    expect(planKeySchedule([primary, key("secondary", { id: "prev", retireAt: NOW })], track, NOW)).toEqual([
      { type: "retire", keyId: "prev" },
    ]);
  });

  it("retires a previous key whose certificate has expired", () => {
    const keys = [key("primary", { age: 1 }), key("secondary", { id: "prev", notAfter: at(-0.001), retireAt: at(1) })];
    expect(planKeySchedule(keys, track, NOW)).toEqual([{ type: "retire", keyId: "prev" }]);
  });

  it("creates a primary for a track that has none", () => {
    expect(planKeySchedule([], track, NOW)).toEqual([
      { type: "create-primary", algorithm: "RS256", demoteKeyId: null, retireAt: new Date(NOW.getTime() + 3_900_000) },
    ]);
    expect(planKeySchedule([key("retired", { age: 200 })], track, NOW)).toMatchObject([{ type: "create-primary" }]);
  });

  it("replaces a primary within a day of expiry when no next key exists (FoxIDs), keeping it published", () => {
    expect(planKeySchedule([key("primary", { id: "old", notAfter: at(0.5) })], track, NOW)).toEqual([
      { type: "create-primary", algorithm: "RS256", demoteKeyId: "old", retireAt: new Date(NOW.getTime() + 3_900_000) },
    ]);
  });

  it("promotes a pending next key at once when the primary is about to expire", () => {
    const keys = [key("primary", { id: "old", notAfter: at(0.5) }), key("secondary", { id: "new", age: 1, activateAt: at(2) })];
    expect(planKeySchedule(keys, track, NOW)).toMatchObject([{ type: "promote", keyId: "new", demoteKeyId: "old" }]);
  });

  it("drops a next key that is itself expiring and publishes a fresh one", () => {
    const keys = [key("primary", { notAfter: at(8) }), key("secondary", { id: "stale", activateAt: at(2), notAfter: at(0.5) })];
    expect(planKeySchedule(keys, track, NOW)).toEqual([
      { type: "retire", keyId: "stale" },
      { type: "create-next", algorithm: "RS256", activateAt: at(5) },
    ]);
  });

  it("repairs two primaries or two next keys by keeping the newest", () => {
    const older = key("primary", { id: "older", age: 20 });
    const newer = key("primary", { id: "newer", age: 10 });
    expect(planKeySchedule([older, newer], track, NOW)).toEqual([{ type: "retire", keyId: "older" }]);
    const primary = key("primary", { notAfter: at(8) });
    const n1 = key("secondary", { id: "n1", age: 2, activateAt: at(3) });
    const n2 = key("secondary", { id: "n2", age: 1, activateAt: at(4) });
    expect(planKeySchedule([primary, n1, n2], track, NOW)).toEqual([{ type: "retire", keyId: "n1" }]);
  });

  it("creates new keys with the track's current algorithm", () => {
    const es = { ...track, signingAlgorithm: "ES256" as const };
    expect(planKeySchedule([key("primary", { notAfter: at(9), createdAt: at(-81) })], es, NOW)).toMatchObject([{ algorithm: "ES256" }]);
    expect(planKeySchedule([], { ...track, signingAlgorithm: "EdDSA" }, NOW)).toMatchObject([{ algorithm: "EdDSA" }]);
  });
});

/** Applies actions to in-memory rows as the runner does to the database. */
function apply(keys: ScheduleKey[], actions: KeyAction[], now: Date, validityDays: number): ScheduleKey[] {
  let out = keys.map((k) => ({ ...k }));
  const find = (id: string | null) => out.find((k) => k.id === id);
  for (const a of actions) {
    if (a.type === "retire") Object.assign(find(a.keyId)!, { state: "retired", activateAt: null, retireAt: now });
    if ((a.type === "promote" || a.type === "create-primary") && a.demoteKeyId) {
      Object.assign(find(a.demoteKeyId)!, { state: "secondary", activateAt: null, retireAt: a.retireAt });
    }
    if (a.type === "promote") Object.assign(find(a.keyId)!, { state: "primary", activateAt: null, retireAt: null });
    if (a.type === "create-next" || a.type === "create-primary") {
      const fresh = key(a.type === "create-next" ? "secondary" : "primary", {
        notBefore: now,
        notAfter: new Date(now.getTime() + validityDays * DAY),
        createdAt: now,
        activateAt: a.type === "create-next" ? a.activateAt : null,
      });
      out = [...out, fresh];
    }
  }
  return out;
}

describe("a year of scheduled rotation, hour by hour", () => {
  it("always signs with a valid key, publishes the next key before it signs, keeps the previous one while its tokens live, and is idempotent", () => {
    let keys: ScheduleKey[] = [];
    const start = NOW.getTime();
    const published = new Map<string, number>(); // key id -> first hour it was in JWKS
    let promotions = 0;
    let lastPrimary: string | null = null;
    for (let h = 0; h <= 365 * 24; h++) {
      const now = new Date(start + h * 3_600_000);
      const actions = planKeySchedule(keys, track, now);
      keys = apply(keys, actions, now, 91);
      expect(planKeySchedule(keys, track, now)).toEqual([]); // a second run in the same instant changes nothing

      const live = keys.filter((k) => k.state !== "retired");
      const primaries = live.filter((k) => k.state === "primary");
      expect(primaries).toHaveLength(1);
      const primary = primaries[0];
      expect(primary.notAfter.getTime()).toBeGreaterThan(now.getTime());
      for (const k of live) if (!published.has(k.id)) published.set(k.id, h);
      if (lastPrimary && primary.id !== lastPrimary) {
        promotions++;
        // the new signer was in JWKS for keyPrimaryAfterDays before it signed
        expect(h - published.get(primary.id)!).toBeGreaterThanOrEqual(5 * 24);
        const previous = keys.find((k) => k.id === lastPrimary)!;
        expect(previous.state).toBe("secondary");
        expect(previous.retireAt!.getTime() - now.getTime()).toBe(track.retainSeconds * 1000);
      }
      lastPrimary = primary.id;
      expect(live.length).toBeLessThanOrEqual(3);
    }
    // 91-day keys renewed 10 days early and promoted 5 days later: a rotation about every 86 days
    expect(promotions).toBe(4);
  });
});
