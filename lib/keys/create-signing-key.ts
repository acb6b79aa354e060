import "reflect-metadata";
import { createHash, randomBytes, webcrypto } from "node:crypto";
import * as x509 from "@peculiar/x509";
import { calculateJwkThumbprint, exportJWK, exportPKCS8, generateKeyPair } from "jose";
import type { SigningAlgorithm } from "@/lib/db/generated/enums";
import { certificateSigningParams } from "./algorithms";
import { encryptWithKek } from "./encryption";

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export type NewSigningKey = {
  kid: string;
  algorithm: SigningAlgorithm;
  publicJwk: { [k: string]: string | string[] };
  privateKeyEncrypted: string;
  certificatePem: string;
  notBefore: Date;
  notAfter: Date;
};

/** A fresh track key with a self-signed certificate; the private key leaves here only encrypted. */
export async function createSigningKey(opts: {
  algorithm: SigningAlgorithm;
  subject: string;
  validityMonths: number;
  kek: Buffer;
  notBefore?: Date;
}): Promise<NewSigningKey> {
  const { algorithm } = opts;
  // Both Ed25519 names make the same key; only the JWS alg that names it differs.
  const { publicKey, privateKey } = await generateKeyPair(algorithm === "EdDSA" ? "Ed25519" : algorithm, {
    extractable: true,
    ...(algorithm.startsWith("RS") || algorithm.startsWith("PS") ? { modulusLength: 2048 } : {}),
  });
  const notBefore = opts.notBefore ?? new Date();
  const notAfter = new Date(notBefore);
  notAfter.setUTCMonth(notAfter.getUTCMonth() + opts.validityMonths);

  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomBytes(16).toString("hex").replace(/^[89a-f]/, "1"),
    name: `CN=${opts.subject.replace(/[,=+<>#;\\"]/g, "_")}`,
    notBefore,
    notAfter,
    signingAlgorithm: certificateSigningParams(algorithm),
    keys: { publicKey, privateKey } as CryptoKeyPair,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true)],
  });
  const der = Buffer.from(cert.rawData);
  const jwk = await exportJWK(publicKey);
  const kid = await calculateJwkThumbprint(jwk, "sha256");
  const publicJwk: NewSigningKey["publicJwk"] = {
    ...(jwk as Record<string, string>),
    kid,
    use: "sig",
    alg: algorithm,
    x5c: [der.toString("base64")],
    "x5t#S256": createHash("sha256").update(der).digest("base64url"),
  };
  return {
    kid,
    algorithm,
    publicJwk,
    privateKeyEncrypted: encryptWithKek(opts.kek, await exportPKCS8(privateKey), `signing-key:${kid}`),
    certificatePem: cert.toString("pem"),
    notBefore,
    notAfter,
  };
}
