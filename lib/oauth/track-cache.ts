import "server-only";
import { cacheCounter } from "@/lib/telemetry";
import { changeFeedReady, onChange } from "@/lib/cache/change-feed";
import { LRUCache } from "lru-cache";
import { getDb } from "@/lib/db";
import type { SigningAlgorithm } from "@/lib/db/generated/enums";
import { issuerOf, normaliseName } from "./urls";

export type TrackInfo = {
  id: string;
  tenantId: string;
  tenant: string;
  track: string;
  signingAlgorithm: SigningAlgorithm;
  issuer: string;
};

// A miss is remembered briefly only: a tenant created on another instance must appear soon even if
// its creation published no change this instance could match. Hits and misses are separate bounded
// caches, so requests for made-up (well-formed) tenant and track names never evict a real track.
const MISS_TTL_MS = 2000;
const MAX_TRACKS = 20_000;
const MAX_MISSES = 10_000;
const MAX_AGE_MS = 5 * 60_000;

type State = {
  tracks: LRUCache<string, TrackInfo>;
  misses: LRUCache<string, true>;
  loading: Map<string, Promise<TrackInfo | null>>;
  scopes: LRUCache<string, Promise<string[]>>;
  gen: number;
};
const g = globalThis as unknown as { __fennecTracks?: State };

function state(): State {
  if (!g.__fennecTracks) {
    const s: State = {
      tracks: new LRUCache({ max: MAX_TRACKS, ttl: MAX_AGE_MS, allowStale: true, noDeleteOnStaleGet: true }),
      misses: new LRUCache({ max: MAX_MISSES, ttl: MISS_TTL_MS, maxSize: 2 * 2 ** 20, sizeCalculation: (_v, k) => k.length }),
      loading: new Map(),
      scopes: new LRUCache({ max: MAX_TRACKS }),
      gen: 0,
    };
    g.__fennecTracks = s;
    onChange(({ topic }) => {
      if (topic === "tenant" || topic === "track") {
        s.gen++;
        s.tracks.clear();
        s.misses.clear();
      }
      if (topic === "tenant" || topic === "track" || topic === "party") s.scopes.clear();
    });
  }
  return g.__fennecTracks;
}

const counter = cacheCounter("track");

/** The track addressed by a URL's tenant and track segments (any case), or null. */
export async function findTrack(tenantSegment: string, trackSegment: string): Promise<TrackInfo | null> {
  const tenant = normaliseName(tenantSegment);
  const track = normaliseName(trackSegment);
  if (!tenant || !track) return null;
  const s = state();
  const key = `${tenant}/${track}`;
  const hit = s.tracks.get(key);
  if (hit && s.tracks.getRemainingTTL(key) > 0) {
    counter.hit();
    return hit;
  }
  counter.miss();
  if (!hit && s.misses.has(key)) return null;
  const pending = s.loading.get(key);
  if (pending) return hit ?? pending;
  const gen = s.gen;
  const load = loadTrack(tenant, track)
    .then((info) => {
      if (gen === s.gen) {
        if (info) s.tracks.set(key, info);
        else s.misses.set(key, true);
      }
      return info;
    })
    .finally(() => s.loading.delete(key));
  s.loading.set(key, load);
  // a backstop behind the change feed: an old entry is refreshed in the background, never waited for
  if (hit) {
    load.catch(() => {});
    return hit;
  }
  return load;
}

async function loadTrack(tenant: string, track: string): Promise<TrackInfo | null> {
  await changeFeedReady();
  const row = await getDb().track.findFirst({
    where: { name: track, tenant: { name: tenant } },
    select: { id: true, tenantId: true, signingAlgorithm: true },
  });
  if (!row) return null;
  return { ...row, tenant, track, issuer: issuerOf(tenant, track) };
}

/** The track's `resource:scope` values, for discovery's scopes_supported. */
export function trackScopes(trackId: string): Promise<string[]> {
  const s = state();
  let p = s.scopes.get(trackId);
  if (!p) {
    p = getDb()
      .party.findMany({
        where: { trackId, isResource: true },
        select: { name: true, resourceScopes: true },
        orderBy: { name: "asc" },
      })
      .then((rows) => rows.flatMap((r) => r.resourceScopes.map((sc) => `${r.name}:${sc}`)));
    s.scopes.set(trackId, p);
    p.catch(() => s.scopes.delete(trackId));
  }
  return p;
}
