import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { FennecConfig } from "@/lib/config";
import { decodeKey } from "@/lib/config/env";
import { logEvent } from "@/lib/telemetry";

export class KekError extends Error {}

export const kekFile = (config: FennecConfig) => path.join(config.dataDir, "key-encryption.key");

/**
 * The key that encrypts track private keys. From FENNEC_KEY_ENCRYPTION_KEY, or in embedded mode from a
 * file in the data folder, created (mode 0600) only when `create` is set: a missing file for an existing
 * database must stop start-up, because a new key would not open the stored keys.
 */
export function loadKek(config: FennecConfig, opts: { create: boolean } = { create: false }): Buffer {
  if (config.keyEncryptionKey) return config.keyEncryptionKey;
  if (config.databaseUrl) {
    throw new KekError(
      "FENNEC_KEY_ENCRYPTION_KEY must be set with DATABASE_URL (all instances share it); create one with: openssl rand -hex 32",
    );
  }
  const file = kekFile(config);
  if (fs.existsSync(file)) {
    const key = decodeKey(fs.readFileSync(file, "utf8"));
    if (!key) throw new KekError(`${file} does not hold a 32-byte key (64 hex characters)`);
    return key;
  }
  if (!opts.create) {
    throw new KekError(
      `${file} is missing, so the stored signing keys cannot be opened. Restore it from a backup, or set FENNEC_KEY_ENCRYPTION_KEY to the key this data folder was created with.`,
    );
  }
  const key = randomBytes(32);
  fs.mkdirSync(config.dataDir, { recursive: true });
  fs.writeFileSync(file, key.toString("hex") + "\n", { mode: 0o600 });
  logEvent(
    "warn",
    "key_encryption_key_generated",
    `Fennec: generated a key-encryption key in ${file} (mode 0600). Back it up with the data folder; ` +
      "set FENNEC_KEY_ENCRYPTION_KEY to keep it elsewhere.",
  );
  return key;
}
