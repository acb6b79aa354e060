import { hash, verify } from "@node-rs/argon2";

// argon2id for client secrets and admin passwords alike (OWASP 2024 minimum: 19 MiB, t=2, p=1).
// Algorithm.Argon2id is a const enum in the typings; 2 is its value.
const ARGON2ID = 2;
const params = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, params as Parameters<typeof hash>[1]);
}

/** Constant-time comparison inside argon2; false for a malformed stored hash rather than throwing. */
export async function verifySecret(storedHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(storedHash, secret);
  } catch {
    return false;
  }
}
