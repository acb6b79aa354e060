import { randomBytes, X509Certificate, createPublicKey } from "node:crypto";
import { calculateJwkThumbprint, compactVerify, importJWK, importPKCS8, CompactSign } from "jose";
import { describe, expect, it } from "vitest";
import { createSigningKey } from "@/lib/keys/create-signing-key";
import { decryptWithKek, encryptWithKek, KeyDecryptionError } from "@/lib/keys/encryption";
import { SIGNING_ALGORITHMS } from "@/lib/keys/algorithms";

describe("AES-256-GCM key envelope", () => {
  const kek = randomBytes(32);

  it("opens with the same key and associated data", () => {
    const env = encryptWithKek(kek, "private key text", "signing-key:abc");
    expect(env).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(env).not.toContain("private");
    expect(decryptWithKek(kek, env, "signing-key:abc")).toBe("private key text");
  });

  it("refuses a wrong key-encryption key", () => {
    const env = encryptWithKek(kek, "secret", "signing-key:abc");
    expect(() => decryptWithKek(randomBytes(32), env, "signing-key:abc")).toThrow(KeyDecryptionError);
  });

  it("refuses an envelope moved to another key id (associated data) or tampered with", () => {
    const env = encryptWithKek(kek, "secret", "signing-key:abc");
    expect(() => decryptWithKek(kek, env, "signing-key:other")).toThrow(KeyDecryptionError);
    const [v, iv, tag, ct] = env.split(".");
    const flipped = Buffer.from(ct, "base64url");
    flipped[0] ^= 1;
    expect(() => decryptWithKek(kek, [v, iv, tag, flipped.toString("base64url")].join("."), "signing-key:abc")).toThrow(KeyDecryptionError);
    expect(() => decryptWithKek(kek, "v2.a.b.c", "signing-key:abc")).toThrow(/unknown key envelope/);
    expect(() => decryptWithKek(kek, "", "signing-key:abc")).toThrow(KeyDecryptionError);
  });

  it("uses a fresh IV each time", () => {
    expect(encryptWithKek(kek, "same")).not.toBe(encryptWithKek(kek, "same"));
  });
});

describe("createSigningKey", () => {
  for (const algorithm of SIGNING_ALGORITHMS) {
    it(`${algorithm}: public JWK with x5c/x5t#S256, encrypted private key that signs what the JWK verifies`, async () => {
      const kek = randomBytes(32);
      const key = await createSigningKey({ algorithm, subject: "Fennec acme/prod", validityMonths: 3, kek });
      expect(key.publicJwk).toMatchObject({ kid: key.kid, use: "sig", alg: algorithm });
      for (const m of ["d", "p", "q", "dp", "dq", "qi"]) expect(key.publicJwk).not.toHaveProperty(m);
      expect(key.kid).toBe(await calculateJwkThumbprint(key.publicJwk as never, "sha256"));

      const cert = new X509Certificate(key.certificatePem);
      expect(cert.subject).toBe("CN=Fennec acme/prod");
      expect(Buffer.from((key.publicJwk.x5c as string[])[0], "base64").equals(cert.raw)).toBe(true);
      expect(cert.publicKey.equals(createPublicKey({ key: key.publicJwk as never, format: "jwk" }))).toBe(true);
      const months = (key.notAfter.getTime() - key.notBefore.getTime()) / 86_400_000;
      expect(months).toBeGreaterThan(88);
      expect(months).toBeLessThan(93);

      expect(key.privateKeyEncrypted).not.toContain("PRIVATE");
      expect(() => decryptWithKek(randomBytes(32), key.privateKeyEncrypted, `signing-key:${key.kid}`)).toThrow(KeyDecryptionError);
      const pkcs8 = decryptWithKek(kek, key.privateKeyEncrypted, `signing-key:${key.kid}`);
      const jws = await new CompactSign(new TextEncoder().encode("hello"))
        .setProtectedHeader({ alg: algorithm, kid: key.kid })
        .sign(await importPKCS8(pkcs8, algorithm));
      const { payload } = await compactVerify(jws, await importJWK(key.publicJwk as never, algorithm));
      expect(new TextDecoder().decode(payload)).toBe("hello");
    });
  }
});
