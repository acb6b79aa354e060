import "server-only";
import { changeFeedReady, onChange } from "@/lib/cache/change-feed";
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
// its creation published no change this instance could match.
const MISS_TTL_MS = 2000;
const MAX_ENTRIES = 10_000;

type Entry = { info: TrackInfo | null; at: number };
const g = globalThis as unknown as {
  __fennecTracks?: { byName: Map<string, Promise<Entry>>; scopes: Map<string, Promise<string[]>> };
};

function state() {
  if (!g.__fennecTracks) {
    const s = { byName: new Map<string, Promise<Entry>>(), scopes: new Map<string, Promise<string[]>>() };
    g.__fennecTracks = s;
    onChange(({ topic }) => {
      if (topic === "tenant" || topic === "track") s.byName.clear();
      if (topic === "tenant" || topic === "track" || topic === "party") s.scopes.clear();
    });
  }
  return g.__fennecTracks;
}

/** The track addressed by a URL's tenant and track segments (any case), or null. */
export async function findTrack(tenantSegment: string, trackSegment: string): Promise<TrackInfo | null> {
  const tenant = normaliseName(tenantSegment);
  const track = normaliseName(trackSegment);
  if (!tenant || !track) return null;
  const s = state();
  const key = `${tenant}/${track}`;
  const cached = s.byName.get(key);
  if (cached) {
    const e = await cached.catch(() => null);
    if (e && (e.info || Date.now() - e.at < MISS_TTL_MS)) return e.info;
  }
  if (s.byName.size >= MAX_ENTRIES) s.byName.clear();
  const load = loadTrack(tenant, track).then((info) => ({ info, at: Date.now() }));
  s.byName.set(key, load);
  load.catch(() => s.byName.delete(key));
  return (await load).info;
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
