import { randomBytes } from "node:crypto";

/** 256 random bits, base64url: 43 characters (RFC 6749 §10.10 wants secrets that cannot be guessed). */
export function generateSecret(): string {
  return randomBytes(32).toString("base64url");
}

/** FoxIDs keeps the first 3 characters of a secret longer than 20 as a hint; shorter ones get none. */
export function secretInfo(secret: string): string {
  return secret.length > 20 ? secret.slice(0, 3) : "";
}

export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
