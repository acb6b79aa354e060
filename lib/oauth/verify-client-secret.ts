import "server-only";
import { hashSecret, verifySecret } from "@/lib/secrets";
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

/**
 * Checks a presented client secret; throws invalid_client (the same answer for an unknown client, a
 * wrong or expired secret, or a throttled client). An unknown client, or one without a live secret,
 * still costs one argon2 check so that response time does not tell which client ids exist.
 */
export async function verifyClientSecret(client: ClientSnapshot | null, secret: string, throttleKey: string) {
  if (secret.length > MAX_SECRET_LENGTH) throw invalidClient();
  const now = Date.now();
  const live = client?.secrets.filter((s) => s.expiresAt === null || s.expiresAt > now) ?? [];
  if (!client || live.length === 0) {
    if (isThrottled(throttleKey)) throw invalidClient();
    recordFailure(throttleKey);
    return decoyCheck(secret);
  }
  const cached = lookupSecretMatch(client.partyId, secret);
  if (cached?.kind === "match" && live.some((s) => s.id === cached.secretId)) return;
  if (cached?.kind === "mismatch" || isThrottled(throttleKey)) throw invalidClient();

  const gen = secretGeneration(client.partyId);
  for (const s of live) {
    if (await verifySecret(s.hash, secret)) {
      rememberSecretMatch(client.partyId, secret, s.id, s.expiresAt, gen);
      return;
    }
  }
  rememberSecretMismatch(client.partyId, secret, gen);
  recordFailure(throttleKey);
  throw invalidClient();
}

/** One argon2 check against a hash no secret matches, then the usual refusal. */
export async function decoyCheck(secret: string): Promise<never> {
  decoyHash ??= hashSecret(crypto.randomUUID());
  await verifySecret(await decoyHash, secret.slice(0, MAX_SECRET_LENGTH));
  throw invalidClient();
}
