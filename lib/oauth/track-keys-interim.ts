import "server-only";
import { createHash } from "node:crypto";
import { importPKCS8, type JWK } from "jose";
import { onChange } from "@/lib/cache/change-feed";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { decryptWithKek } from "@/lib/keys/encryption";
import { loadKek } from "@/lib/keys/kek";

// Interim stand-in for lib/keys/track-keys.ts (pinned interface 1, owned by KEYS) until it lands:
// same signature and caching rules, so signing-keys.ts can switch to it with a one-line change.
export type TrackKeys = { signer: { kid: string; alg: string; key: CryptoKey }; jwks: { keys: JWK[] }; etag: string };

const cache = new Map<string, Promise<TrackKeys>>();
let subscribed = false;

export function getTrackKeys(trackId: string): Promise<TrackKeys> {
  if (!subscribed) {
    subscribed = true;
    onChange(({ topic, key }) => {
      if (topic === "signing-keys" || topic === "track") cache.delete(key);
      if (topic === "tenant") cache.clear();
    });
  }
  let p = cache.get(trackId);
  if (!p) {
    p = load(trackId);
    cache.set(trackId, p);
    p.catch(() => cache.delete(trackId));
  }
  return p;
}

async function load(trackId: string): Promise<TrackKeys> {
  const rows = await getDb().signingKey.findMany({
    where: { trackId, state: { in: ["primary", "secondary"] } },
    orderBy: { state: "asc" },
  });
  const primary = rows.find((r) => r.state === "primary");
  if (!primary) throw new Error("track has no primary signing key");
  const pem = decryptWithKek(loadKek(getConfig()), primary.privateKeyEncrypted, `signing-key:${primary.kid}`);
  const key = (await importPKCS8(pem, primary.algorithm)) as CryptoKey;
  const keys = rows.map((r) => r.publicJwk as JWK);
  const etag = createHash("sha256").update(rows.map((r) => r.kid).join(",")).digest("base64url");
  return { signer: { kid: primary.kid, alg: primary.algorithm, key }, jwks: { keys }, etag };
}
