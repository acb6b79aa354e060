import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// AES-256-GCM envelope for track private keys: "v1.<iv>.<tag>.<ciphertext>", each base64url.
export function encryptWithKek(kek: Buffer, plaintext: string, aad = "fennec"): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", kek, iv);
  cipher.setAAD(Buffer.from(aad));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), ct].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export class KeyDecryptionError extends Error {}

export function decryptWithKek(kek: Buffer, envelope: string, aad = "fennec"): string {
  const [v, iv, tag, ct] = envelope.split(".");
  if (v !== "v1" || !iv || !tag || ct === undefined) throw new KeyDecryptionError("unknown key envelope");
  try {
    const d = createDecipheriv("aes-256-gcm", kek, Buffer.from(iv, "base64url"));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([d.update(Buffer.from(ct, "base64url")), d.final()]).toString("utf8");
  } catch {
    throw new KeyDecryptionError("the key-encryption key does not open this envelope");
  }
}
