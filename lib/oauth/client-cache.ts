import "server-only";
import { cacheCounter } from "@/lib/telemetry";
import { changeFeedReady, onChange } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import type { ClientAuthMethod } from "@/lib/db/generated/enums";
import { claimTransformsSchema, type ClaimTransform } from "@/lib/claims";
import { LRUCache } from "lru-cache";
import { forgetPartySecrets } from "./secret-match-cache";
import { logEvent } from "@/lib/telemetry";

export type ClientGrantView = { resource: string; audience: string; scopes: string[] };
export type ClientSnapshot = {
  partyId: string;
  trackId: string;
  name: string;
  authMethod: ClientAuthMethod;
  accessTokenLifetime: number;
  allowLegacyAssertionAudience: boolean;
  strictAuthMethod: boolean;
  clientCredentialsEnabled: boolean;
  /** ms since epoch: this client's tokens issued at or before this second are inactive (introspection only) */
  tokensNotBefore: number | null;
  /** ms since epoch: when the party was created; a token issued before then was another party's of the same name */
  createdAt: number;
  /** the audience this party has as a resource too, or null when it is a client only */
  ownAudience: string | null;
  claimTransforms: ClaimTransform[];
  grants: ClientGrantView[];
  secrets: { id: string; hash: string; info: string; expiresAt: number | null }[];
  keys: { kid: string; jwk: Record<string, unknown>; notBefore: number | null; notAfter: number | null }[];
};

// Everything the token route needs about a client, loaded once and kept until the change feed says the
// party, its secrets or keys, its track or tenant changed (on any instance: the feed polls each second).
// Any party change clears every client, because a resource's scopes or audience show up in its clients.
// Known clients and misses live in separate bounded caches: a flood of unknown (well-formed) client ids
// only ever evicts other misses, never a warm client. Client ids reach this module already checked
// against the name grammar (client-id.ts), so a key is at most ~90 characters.
const MISS_TTL_MS = 2000;
const MAX_CLIENTS = 100_000;
const MAX_MISSES = 10_000;
const RELOAD_INTERVAL_MS = 1000;
const MAX_CLIENT_BYTES = 256 * 2 ** 20;
const MAX_AGE_MS = 5 * 60_000;
const MAX_MISS_BYTES = 2 * 2 ** 20;

// Roughly what a snapshot holds in memory; only the order of magnitude matters for the byte bound.
const approximateSize = (c: ClientSnapshot) =>
  512 +
  c.secrets.length * 200 +
  c.keys.length * 1500 +
  c.grants.reduce((n, gr) => n + 100 + gr.scopes.join().length * 2, 0) +
  JSON.stringify(c.claimTransforms).length * 2;

type Loading = Promise<ClientSnapshot | null>;
type State = {
  clients: LRUCache<string, ClientSnapshot>;
  misses: LRUCache<string, true>;
  loading: Map<string, Loading>;
  reloadedAt: LRUCache<string, number>;
  keyOfParty: Map<string, string>;
  gen: number;
};
const g = globalThis as unknown as { __fennecClients?: State };

function state(): State {
  if (!g.__fennecClients) {
    const s: State = {
      clients: new LRUCache({
        max: MAX_CLIENTS,
        ttl: MAX_AGE_MS,
        allowStale: true,
        noDeleteOnStaleGet: true,
        maxSize: MAX_CLIENT_BYTES,
        sizeCalculation: approximateSize,
        dispose: (c) => s.keyOfParty.delete(c.partyId),
      }),
      misses: new LRUCache({ max: MAX_MISSES, ttl: MISS_TTL_MS, maxSize: MAX_MISS_BYTES, sizeCalculation: (_v, k) => k.length }),
      loading: new Map(),
      reloadedAt: new LRUCache({ max: MAX_MISSES, ttl: RELOAD_INTERVAL_MS }),
      keyOfParty: new Map(),
      gen: 0,
    };
    g.__fennecClients = s;
    onChange(({ topic, key }) => {
      // a load that started before this change must not be kept
      if (topic === "signing-keys" || topic === "revoked-token") return;
      s.gen++;
      if (topic === "secrets") forgetPartySecrets(key);
      if (topic === "secrets" || topic === "client-keys" || topic === "client-tokens") {
        const k = s.keyOfParty.get(key);
        if (k) s.clients.delete(k);
      } else if (topic === "party" || topic === "track" || topic === "tenant") {
        s.clients.clear();
        s.misses.clear();
        if (topic === "party") forgetPartySecrets(key);
      }
    });
  }
  return g.__fennecClients;
}

const counter = cacheCounter("client");

export async function findClient(trackId: string, name: string): Promise<ClientSnapshot | null> {
  const s = state();
  const key = `${trackId}:${name}`;
  const hit = s.clients.get(key);
  if (hit) {
    counter.hit();
    // a backstop behind the change feed: an old snapshot is refreshed in the background, never waited for
    if (s.clients.getRemainingTTL(key) <= 0) load(s, key, trackId, name).catch(() => {});
    return hit;
  }
  counter.miss();
  if (s.misses.has(key)) return null;
  return load(s, key, trackId, name);
}

/**
 * The client as the database has it now (at most once a second per client; otherwise the cached one):
 * for a presented secret that matches none of the cached ones, which may have been added on another
 * instance a moment ago.
 */
export async function reloadClient(trackId: string, name: string): Promise<ClientSnapshot | null> {
  const s = state();
  const key = `${trackId}:${name}`;
  if (s.reloadedAt.has(key)) return s.clients.get(key) ?? null;
  s.reloadedAt.set(key, Date.now());
  s.clients.delete(key);
  return load(s, key, trackId, name);
}

function load(s: State, key: string, trackId: string, name: string): Loading {
  const pending = s.loading.get(key);
  if (pending) return pending;
  const gen = s.gen;
  const p = loadClient(trackId, name)
    .then((client) => {
      if (gen === s.gen) {
        if (client) {
          s.clients.set(key, client);
          s.keyOfParty.set(client.partyId, key);
        } else s.misses.set(key, true);
      }
      return client;
    })
    .finally(() => s.loading.delete(key));
  // concurrent requests for one client share its load; the map holds only loads in flight
  s.loading.set(key, p);
  return p;
}

async function loadClient(trackId: string, name: string): Promise<ClientSnapshot | null> {
  await changeFeedReady();
  const p = await getDb().party.findUnique({
    where: { trackId_name: { trackId, name } },
    select: {
      id: true,
      name: true,
      isClient: true,
      authMethod: true,
      accessTokenLifetime: true,
      allowLegacyAssertionAudience: true,
      strictAuthMethod: true,
      clientCredentialsEnabled: true,
      tokensNotBefore: true,
      createdAt: true,
      isResource: true,
      resourceAudience: true,
      claimTransforms: true,
      grants: { select: { scopes: true, resource: { select: { name: true, isResource: true, resourceScopes: true, resourceAudience: true } } } },
      secrets: { select: { id: true, hash: true, info: true, expiresAt: true } },
      clientKeys: { select: { kid: true, jwk: true, notBefore: true, notAfter: true } },
    },
  });
  if (!p || !p.isClient) return null;
  return {
    partyId: p.id,
    trackId,
    name: p.name,
    authMethod: p.authMethod ?? "client_secret_post",
    accessTokenLifetime: p.accessTokenLifetime,
    allowLegacyAssertionAudience: p.allowLegacyAssertionAudience,
    strictAuthMethod: p.strictAuthMethod,
    clientCredentialsEnabled: p.clientCredentialsEnabled,
    tokensNotBefore: p.tokensNotBefore?.getTime() ?? null,
    createdAt: p.createdAt.getTime(),
    ownAudience: p.isResource ? (p.resourceAudience ?? p.name) : null,
    claimTransforms: storedTransforms(p.claimTransforms, p.name),
    grants: p.grants
      .filter((gr) => gr.resource.isResource)
      .map((gr) => ({
        resource: gr.resource.name,
        audience: gr.resource.resourceAudience ?? gr.resource.name,
        // a scope the resource no longer offers is no longer granted
        scopes: gr.scopes.filter((sc) => gr.resource.resourceScopes.includes(sc)),
      })),
    secrets: p.secrets.map((sec) => ({ id: sec.id, hash: sec.hash, info: sec.info, expiresAt: sec.expiresAt?.getTime() ?? null })),
    keys: p.clientKeys.map((k) => ({
      kid: k.kid,
      jwk: k.jwk as Record<string, unknown>,
      notBefore: k.notBefore?.getTime() ?? null,
      notAfter: k.notAfter?.getTime() ?? null,
    })),
  };
}

// Stored lists were validated on save; one that no longer parses (an older format) is skipped, loudly.
function storedTransforms(raw: unknown, name: string): ClaimTransform[] {
  const parsed = claimTransformsSchema.safeParse(raw ?? []);
  if (parsed.success) return parsed.data;
  logEvent("error", "invalid_stored_transforms", `Fennec: claim transforms of client ${name} are not valid and are not applied`, { client_id: name });
  return [];
}
