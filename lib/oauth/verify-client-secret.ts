import "server-only";
import { hashSecret, secretInfo, verifySecret } from "@/lib/secrets";
import { throughArgon2Gate } from "./argon2-gate";
import type { ClientSnapshot } from "./client-cache";
import { invalidClient } from "./errors";
import { isThrottled, recordFailure } from "./failure-throttle";
import {
  lookupSecretMatch,
  rememberSecretMatch,
  rememberSecretMismatch,
  secretGeneration,
} from "./secret-match-cache";

const MAX_SECRET_LENGTH = 512;
let decoyHash: Promise<string> | undefined;

type Options = {
  /** `{track id}:{client id}` for the failure throttle */
  throttleKey: string;
  /** the client as the database has it now, for a secret added on another instance moments ago */
  reload: () => Promise<ClientSnapshot | null>;
};

/**
 * Checks a presented client secret; throws invalid_client (the same answer for an unknown client, a
 * wrong or expired secret, or a throttled client). Every failure costs exactly one argon2 check: the
 * secret's stored hint (its first characters) picks the one candidate hash, and an unknown client, or
 * one without a matching secret, is checked against a decoy hash, so response time does not tell which
 * client ids exist or how many secrets a client has.
 */
export async function verifyClientSecret(client: ClientSnapshot | null, secret: string, opts: Options): Promise<string> {
  if (secret.length > MAX_SECRET_LENGTH) throw invalidClient();
  if (client) {
    const cached = lookupSecretMatch(client.partyId, secret);
    if (cached?.kind === "match" && live(client).some((s) => s.id === cached.secretId)) return cached.secretId;
    if (cached?.kind === "mismatch") throw invalidClient();
  }
  if (await isThrottled(opts.throttleKey)) throw invalidClient();

  let candidates = client ? candidatesFor(client, secret) : [];
  if (client && candidates.length === 0) {
    // The snapshot may predate a secret just added on another instance: ask the database once.
    const fresh = await opts.reload();
    if (fresh) {
      client = fresh;
      candidates = candidatesFor(fresh, secret);
    }
  }
  const gen = client ? secretGeneration(client.partyId) : 0;
  const matched = candidates.length ? await checkCandidates(candidates, secret) : await decoyCheck(secret);
  if (matched && client) {
    rememberSecretMatch(client.partyId, secret, matched.id, matched.expiresAt, gen);
    return matched.id;
  }
  if (client) rememberSecretMismatch(client.partyId, secret, gen);
  await recordFailure(opts.throttleKey);
  throw invalidClient();
}

type Secret = ClientSnapshot["secrets"][number];

const live = (client: ClientSnapshot) => client.secrets.filter((s) => s.expiresAt === null || s.expiresAt > Date.now());

// A short secret (an operator-chosen bootstrap secret) has no hint and is always a candidate.
const candidatesFor = (client: ClientSnapshot, secret: string) =>
  live(client).filter((s) => s.info === "" || s.info === secretInfo(secret));

async function checkCandidates(candidates: Secret[], secret: string): Promise<Secret | null> {
  for (const s of candidates) {
    if (await throughArgon2Gate(() => verifySecret(s.hash, secret))) return s;
  }
  return null;
}

/** One argon2 check against a hash no secret matches. */
async function decoyCheck(secret: string): Promise<null> {
  decoyHash ??= hashSecret(crypto.randomUUID());
  const hash = await decoyHash;
  await throughArgon2Gate(() => verifySecret(hash, secret));
  return null;
}
