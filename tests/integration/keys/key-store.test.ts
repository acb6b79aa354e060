import fs from "node:fs";
import { createLocalJWKSet, errors, jwtVerify, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrap } from "@/lib/bootstrap/first-start";
import { getConfig } from "@/lib/config";
import { disconnectDb, getDb, type Db } from "@/lib/db";
import { closePglite } from "@/lib/db/adapter";
import { applyMigrations } from "@/lib/db/migrate";
import type { SigningAlgorithm } from "@/lib/db/generated/enums";
import { createSigningKey } from "@/lib/keys/create-signing-key";
import { createInitialSigningKey, listSigningKeys, promoteSigningKeysNow } from "@/lib/keys/rotate";
import { runKeySchedule, runTrackKeySchedule } from "@/lib/keys/run-key-schedule";
import { clearTrackKeysCache, getTrackKeys, type TrackKeys } from "@/lib/keys/track-keys";
import { createTestDatabase, dbMode, dropTestDatabase, newDataDir, testKek } from "../../support/server";

// The key store in process against a real database of its own (PGlite, or PostgreSQL with
// FENNEC_TEST_DB=postgres): rotation, the schedule at chosen instants, the cache, concurrency.

const DAY = 86_400_000;
const LIFETIME_S = 1200;
const RETAIN_MS = (LIFETIME_S + 300) * 1000;
let db: Db;
let dataDir: string;
let databaseUrl: string | undefined;
let tenantId: string;

beforeAll(async () => {
  dataDir = newDataDir();
  process.env.FENNEC_DATA_DIR = dataDir;
  process.env.FENNEC_KEY_ENCRYPTION_KEY = testKek();
  if (dbMode() === "postgres") process.env.DATABASE_URL = databaseUrl = await createTestDatabase();
  else delete process.env.DATABASE_URL;
  await applyMigrations(getConfig());
  db = getDb();
  await bootstrap(db, getConfig());
  tenantId = (await db.tenant.create({ data: { name: "keys-test" } })).id;
});

afterAll(async () => {
  await disconnectDb();
  await closePglite();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

let trackSeq = 0;
async function newTrack(algorithm: SigningAlgorithm = "RS256", opts: { withKey?: boolean } = {}) {
  return db.$transaction(
    async (tx) => {
      const track = await tx.track.create({ data: { tenantId, name: `t${++trackSeq}`, signingAlgorithm: algorithm } });
      await tx.party.create({ data: { trackId: track.id, name: "client", isClient: true, accessTokenLifetime: LIFETIME_S } });
      if (opts.withKey !== false) await createInitialSigningKey(tx, { ...track, tenantName: "keys-test" });
      return track;
    },
    { timeout: 30_000 },
  );
}

const sign = (keys: TrackKeys, sub = "client") =>
  new SignJWT({ client_id: sub }).setProtectedHeader({ alg: keys.signer.alg, kid: keys.signer.kid, typ: "at+jwt" }).setSubject(sub).setIssuedAt().setExpirationTime("20m").sign(keys.signer.key);
const verifies = (token: string, keys: TrackKeys) =>
  jwtVerify(token, createLocalJWKSet(keys.jwks as { keys: JWK[] })).then(
    () => true,
    (e) => {
      if (e instanceof errors.JWKSNoMatchingKey) return false;
      throw e;
    },
  );
const rows = (trackId: string) => db.signingKey.findMany({ where: { trackId }, orderBy: { createdAt: "asc" } });

describe("track keys cache", () => {
  it("serves the primary as signer and publishes public members only, with a stable ETag", async () => {
    const track = await newTrack();
    const keys = await getTrackKeys(track.id);
    const [row] = await rows(track.id);
    expect(keys.signer).toMatchObject({ kid: row.kid, alg: "RS256" });
    expect(keys.jwks.keys).toHaveLength(1);
    const jwk = keys.jwks.keys[0];
    expect(Object.keys(jwk).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use", "x5c", "x5t#S256"]);
    expect(jwk).toMatchObject({ kid: row.kid, use: "sig", alg: "RS256" });
    expect(await verifies(await sign(keys), keys)).toBe(true);
    clearTrackKeysCache();
    const again = await getTrackKeys(track.id);
    expect(again.etag).toBe(keys.etag);
    expect(again).not.toBe(keys);
    expect(await getTrackKeys(track.id)).toBe(again); // from memory
  });

  it("keeps serving from memory until another instance's change event arrives through the feed", async () => {
    const track = await newTrack("ES256");
    const before = await getTrackKeys(track.id);
    // another instance rotates: rows change and a ChangeEvent row is written, with no local dispatch
    const key = await createSigningKey({ algorithm: "ES256", subject: "other instance", validityMonths: 3, kek: Buffer.from(process.env.FENNEC_KEY_ENCRYPTION_KEY!, "hex") });
    await db.$transaction([
      db.signingKey.updateMany({ where: { trackId: track.id, state: "primary" }, data: { state: "secondary", retireAt: new Date(Date.now() + 3_600_000) } }),
      db.signingKey.create({ data: { ...key, trackId: track.id, state: "primary" } }),
    ]);
    expect(await getTrackKeys(track.id)).toBe(before);
    await db.changeEvent.create({ data: { topic: "signing-keys", key: track.id } });
    const deadline = Date.now() + 5000;
    let after = await getTrackKeys(track.id);
    while (after.signer.kid === before.signer.kid && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      after = await getTrackKeys(track.id);
    }
    expect(after.signer.kid).toBe(key.kid);
    expect(after.jwks.keys.map((k) => k.kid)).toEqual([key.kid, before.signer.kid]);
    expect(await verifies(await sign(after), after)).toBe(true);
  });

  it("dates a new track's first key by the track's keyValidityMonths", async () => {
    const trackId = await db.$transaction(async (tx) => {
      const track = await tx.track.create({ data: { tenantId, name: `t${++trackSeq}`, keyValidityMonths: 6 } });
      await createInitialSigningKey(tx, { id: track.id, name: track.name, signingAlgorithm: "PS256", tenantName: "keys-test" });
      return track.id;
    });
    const [row] = await rows(trackId);
    const days = (row.notAfter.getTime() - row.notBefore.getTime()) / DAY;
    expect(days).toBeGreaterThan(180);
    expect(days).toBeLessThan(185);
    expect((await getTrackKeys(trackId)).signer.alg).toBe("PS256");
  });

  it("gives a track without keys its first key on first use", async () => {
    const track = await newTrack("ES256", { withKey: false });
    const keys = await getTrackKeys(track.id);
    expect(keys.signer.alg).toBe("ES256");
    expect(await rows(track.id)).toHaveLength(1);
  });
});

describe("on-demand rotation", () => {
  it("publishes the new primary first and keeps the old one until its tokens have expired", async () => {
    const track = await newTrack();
    const before = await getTrackKeys(track.id);
    const oldToken = await sign(before);
    const started = Date.now();
    const { primaryKid } = await promoteSigningKeysNow(db, track.id);
    expect(primaryKid).not.toBe(before.signer.kid);

    const after = await getTrackKeys(track.id); // the change event dropped the cached entry
    expect(after.signer.kid).toBe(primaryKid);
    expect(after.jwks.keys.map((k) => k.kid)).toEqual([primaryKid, before.signer.kid]);
    expect(after.etag).not.toBe(before.etag);
    expect(await verifies(oldToken, after)).toBe(true);
    expect(await verifies(await sign(after), after)).toBe(true);

    const listed = await listSigningKeys(db, track.id);
    expect(listed.map((k) => [k.kid, k.state])).toEqual([
      [primaryKid, "primary"],
      [before.signer.kid, "secondary"],
    ]);
    const retireAt = listed[1].retireAt!.getTime();
    expect(retireAt).toBeGreaterThanOrEqual(started + RETAIN_MS);
    expect(retireAt).toBeLessThan(Date.now() + RETAIN_MS + 1000);
    expect(JSON.stringify(listed)).not.toMatch(/privateKey|"d"|PRIVATE/);
    const events = await db.changeEvent.count({ where: { topic: "signing-keys", key: track.id } });
    expect(events).toBe(2); // created, rotated

    // the schedule retires it after retireAt, and not before; tokens it signed then stop validating
    expect(await runTrackKeySchedule(db, track.id, new Date(retireAt - 1000))).toEqual([]);
    expect(await runTrackKeySchedule(db, track.id, new Date(retireAt))).toEqual([{ type: "retire", keyId: expect.any(String) }]);
    const retired = (await rows(track.id)).find((r) => r.kid === before.signer.kid)!;
    expect(retired.state).toBe("retired");
    expect(retired.privateKeyEncrypted).toBe("");
    const final = await getTrackKeys(track.id);
    expect(final.jwks.keys.map((k) => k.kid)).toEqual([primaryKid]);
    expect(await verifies(oldToken, final)).toBe(false);
  });

  it("promotes a pending next key instead of making another", async () => {
    const track = await newTrack();
    const [first] = await rows(track.id);
    await runTrackKeySchedule(db, track.id, new Date(first.notAfter.getTime() - 9 * DAY));
    const next = (await rows(track.id)).find((r) => r.state === "secondary")!;
    const { primaryKid } = await promoteSigningKeysNow(db, track.id);
    expect(primaryKid).toBe(next.kid);
    expect(await rows(track.id)).toHaveLength(2);
  });

  it("uses the track's current algorithm for the next key", async () => {
    const track = await newTrack("RS256");
    await db.track.update({ where: { id: track.id }, data: { signingAlgorithm: "EdDSA" } });
    await promoteSigningKeysNow(db, track.id);
    const keys = await getTrackKeys(track.id);
    expect(keys.signer.alg).toBe("EdDSA");
    expect(keys.jwks.keys.map((k) => k.kty)).toEqual(["OKP", "RSA"]);
    expect(await verifies(await sign(keys), keys)).toBe(true);
  });

  it("rotations racing each other leave one primary", async () => {
    const track = await newTrack("ES256");
    await Promise.all([promoteSigningKeysNow(db, track.id), promoteSigningKeysNow(db, track.id), promoteSigningKeysNow(db, track.id)]);
    const all = await rows(track.id);
    expect(all.filter((r) => r.state === "primary")).toHaveLength(1);
    expect(all.filter((r) => r.state === "secondary")).toHaveLength(3);
  });

  it("refuses an unknown track", async () => {
    await expect(promoteSigningKeysNow(db, "00000000-0000-0000-0000-000000000000")).rejects.toThrow(/track not found/);
    await expect(promoteSigningKeysNow(db, "not-a-uuid")).rejects.toThrow(/track not found/);
  });
});

describe("scheduled rotation", () => {
  it("publishes the next key 10 days before expiry, promotes it 5 days later, then retires the old one", async () => {
    const track = await newTrack();
    const [first] = await rows(track.id);
    const renewAt = new Date(first.notAfter.getTime() - 10 * DAY);
    expect(await runTrackKeySchedule(db, track.id, new Date(renewAt.getTime() - 60_000))).toEqual([]);

    expect(await runTrackKeySchedule(db, track.id, renewAt)).toMatchObject([{ type: "create-next", activateAt: new Date(renewAt.getTime() + 5 * DAY) }]);
    const next = (await rows(track.id)).find((r) => r.id !== first.id)!;
    expect(next).toMatchObject({ state: "secondary", activateAt: new Date(renewAt.getTime() + 5 * DAY), retireAt: null });
    let keys = await getTrackKeys(track.id);
    expect(keys.signer.kid).toBe(first.kid); // published, not yet signing
    expect(keys.jwks.keys.map((k) => k.kid)).toEqual([first.kid, next.kid]);
    expect((await listSigningKeys(db, track.id)).find((k) => k.kid === next.kid)?.next).toBe(true);

    const activate = next.activateAt!;
    expect(await runTrackKeySchedule(db, track.id, new Date(activate.getTime() - 1))).toEqual([]);
    expect(await runTrackKeySchedule(db, track.id, activate)).toMatchObject([{ type: "promote", keyId: next.id, demoteKeyId: first.id }]);
    keys = await getTrackKeys(track.id);
    expect(keys.signer.kid).toBe(next.kid);
    expect(keys.jwks.keys.map((k) => k.kid)).toEqual([next.kid, first.kid]);
    const demoted = (await rows(track.id)).find((r) => r.id === first.id)!;
    expect(demoted.retireAt!.getTime()).toBe(activate.getTime() + RETAIN_MS);

    expect(await runTrackKeySchedule(db, track.id, demoted.retireAt!)).toEqual([{ type: "retire", keyId: first.id }]);
    expect(await runTrackKeySchedule(db, track.id, demoted.retireAt!)).toEqual([]); // idempotent
    const audit = await db.auditEvent.findMany({ where: { tenantName: "keys-test", trackName: track.name, action: "signing-keys.schedule" } });
    expect(audit).toHaveLength(3);
  });

  it("applies a due change once when instances run the schedule at the same time", async () => {
    const track = await newTrack();
    const [first] = await rows(track.id);
    const due = new Date(first.notAfter.getTime() - 10 * DAY);
    const results = await Promise.all([1, 2, 3, 4].map(() => runTrackKeySchedule(db, track.id, due)));
    expect(results.filter((r) => r.length > 0)).toHaveLength(1);
    expect(await rows(track.id)).toHaveLength(2);
  });

  it("runs across every track and changes only the ones that are due", async () => {
    const a = await newTrack();
    const [aKey] = await rows(a.id);
    const later = new Date(aKey.notAfter.getTime() - 10 * DAY);
    const { tracks, changed } = await runKeySchedule(db, later);
    expect(tracks).toBeGreaterThanOrEqual(5);
    expect(changed).toBeGreaterThanOrEqual(1);
    expect(await rows(a.id)).toHaveLength(2);
    expect((await runKeySchedule(db, later)).changed).toBe(0);
  });
});
