import "server-only";
import { changeFeedReady, onChange } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import type { ClientAuthMethod } from "@/lib/db/generated/enums";
import { claimTransformsSchema, type ClaimTransform } from "@/lib/claims";
import { forgetPartySecrets } from "./secret-match-cache";

export type ClientGrantView = { resource: string; audience: string; scopes: string[] };
export type ClientSnapshot = {
  partyId: string;
  trackId: string;
  name: string;
  authMethod: ClientAuthMethod;
  accessTokenLifetime: number;
  allowLegacyAssertionAudience: boolean;
  clientCredentialsEnabled: boolean;
  claimTransforms: ClaimTransform[];
  grants: ClientGrantView[];
  secrets: { id: string; hash: string; expiresAt: number | null }[];
  keys: { kid: string; jwk: Record<string, unknown>; notBefore: number | null; notAfter: number | null }[];
};

// Everything the token route needs about a client, loaded once and kept until the change feed says the
// party, its secrets or keys, its track or tenant changed (on any instance: the feed polls each second).
// Any party change clears every client, because a resource's scopes or audience show up in its clients.
const MISS_TTL_MS = 2000;
const MAX_ENTRIES = 50_000;

type Entry = { client: ClientSnapshot | null; at: number };
const g = globalThis as unknown as {
  __fennecClients?: { byName: Map<string, Promise<Entry>>; keyOfParty: Map<string, string>; gen: number };
};

function state() {
  if (!g.__fennecClients) {
    const s = { byName: new Map<string, Promise<Entry>>(), keyOfParty: new Map<string, string>(), gen: 0 };
    g.__fennecClients = s;
    onChange(({ topic, key }) => {
      // a load that started before this change must not be kept
      if (topic !== "signing-keys") s.gen++;
      if (topic === "secrets") forgetPartySecrets(key);
      if (topic === "secrets" || topic === "client-keys") {
        const k = s.keyOfParty.get(key);
        if (k) s.byName.delete(k);
      } else if (topic === "party" || topic === "track" || topic === "tenant") {
        s.byName.clear();
        s.keyOfParty.clear();
        if (topic === "party") forgetPartySecrets(key);
      }
    });
  }
  return g.__fennecClients;
}

export async function findClient(trackId: string, name: string): Promise<ClientSnapshot | null> {
  const s = state();
  const key = `${trackId}:${name}`;
  const cached = s.byName.get(key);
  if (cached) {
    const e = await cached.catch(() => null);
    if (e && (e.client || Date.now() - e.at < MISS_TTL_MS)) return e.client;
  }
  if (s.byName.size >= MAX_ENTRIES) {
    s.byName.clear();
    s.keyOfParty.clear();
  }
  const gen = s.gen;
  const load: Promise<Entry> = loadClient(trackId, name).then((client) => {
    if (gen !== s.gen) {
      if (s.byName.get(key) === load) s.byName.delete(key);
    } else if (client) s.keyOfParty.set(client.partyId, key);
    return { client, at: Date.now() };
  });
  s.byName.set(key, load);
  load.catch(() => s.byName.delete(key));
  return (await load).client;
}

async function loadClient(trackId: string, name: string): Promise<ClientSnapshot | null> {
  await changeFeedReady();
  if (name.length > 50) return null;
  const p = await getDb().party.findUnique({
    where: { trackId_name: { trackId, name } },
    select: {
      id: true,
      name: true,
      isClient: true,
      authMethod: true,
      accessTokenLifetime: true,
      allowLegacyAssertionAudience: true,
      clientCredentialsEnabled: true,
      claimTransforms: true,
      grants: { select: { scopes: true, resource: { select: { name: true, isResource: true, resourceScopes: true, resourceAudience: true } } } },
      secrets: { select: { id: true, hash: true, expiresAt: true } },
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
    clientCredentialsEnabled: p.clientCredentialsEnabled,
    claimTransforms: storedTransforms(p.claimTransforms, p.name),
    grants: p.grants
      .filter((gr) => gr.resource.isResource)
      .map((gr) => ({
        resource: gr.resource.name,
        audience: gr.resource.resourceAudience ?? gr.resource.name,
        // a scope the resource no longer offers is no longer granted
        scopes: gr.scopes.filter((sc) => gr.resource.resourceScopes.includes(sc)),
      })),
    secrets: p.secrets.map((sec) => ({ id: sec.id, hash: sec.hash, expiresAt: sec.expiresAt?.getTime() ?? null })),
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
  console.error(`Fennec: claim transforms of client ${name} are not valid and are not applied`);
  return [];
}
