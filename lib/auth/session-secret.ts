import "server-only";
import { randomBytes } from "node:crypto";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { decryptWithKek, encryptWithKek } from "@/lib/keys/encryption";
import { loadKek } from "@/lib/keys/kek";

const KEY = "session_secret";
const AAD = "session-secret";

let cached: Promise<string> | undefined;

/**
 * The secret that signs admin session cookies: FENNEC_SESSION_SECRET, or else one generated on first use
 * and kept (encrypted under the key-encryption key) in SystemState, so every instance accepts every
 * other instance's sessions and a restart signs nobody out.
 */
export function getSessionSecret(): Promise<string> {
  cached ??= load().catch((e) => {
    cached = undefined;
    throw e;
  });
  return cached;
}

async function load(): Promise<string> {
  const config = getConfig();
  if (config.sessionSecret) return config.sessionSecret;
  const db = getDb();
  const kek = loadKek(config);
  const stored = await db.systemState.findUnique({ where: { key: KEY } });
  if (stored) return decryptWithKek(kek, (stored.value as { envelope: string }).envelope, AAD);
  const secret = randomBytes(32).toString("base64url");
  try {
    await db.systemState.create({ data: { key: KEY, value: { envelope: encryptWithKek(kek, secret, AAD) } } });
    return secret;
  } catch (e) {
    // Another instance stored its secret first: use that one.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const row = await db.systemState.findUniqueOrThrow({ where: { key: KEY } });
      return decryptWithKek(kek, (row.value as { envelope: string }).envelope, AAD);
    }
    throw e;
  }
}
