import "server-only";
import { createPublicKey, X509Certificate } from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import { clientKeyFromCertificate, readCertificate } from "./certificate-key";
import { ClientKeyError } from "./client-key-error";
import { clientKeyFromJwk } from "./jwk-key";
import { MAX_KEY_FILE_BYTES } from "./key-file";
import { looksLikePem, pemBlocks } from "./pem";
import { looksLikePfx, readPfxCertificates } from "./pfx";
import { signingPublicJwk } from "./public-key";
import type { ClientKeyInput, ParsedClientKey } from "./types";

export { ClientKeyError } from "./client-key-error";
export { MAX_KEY_FILE_BYTES, classifyKeyFile } from "./key-file";
export type { ClientKeyInput, ParsedClientKey } from "./types";

/**
 * A client's public key for private_key_jwt from an upload: a .pfx/.p12 (with its password), a PEM or
 * DER certificate, a PEM public key, or a JWK. A file in another of these formats than its kind says is
 * still read (FoxIDs reads a .cer and then tries PKCS#12). Only public material comes back.
 */
export async function parseClientKey(input: ClientKeyInput, now = new Date()): Promise<ParsedClientKey> {
  switch (input.kind) {
    case "pfx":
      return fromBinary(input.data, input.password, "pfx", now);
    case "der":
      return fromBinary(input.data, undefined, "der", now);
    case "pem":
      checkSize(Buffer.byteLength(input.text ?? ""));
      return fromPem(input.text ?? "", now);
    case "jwk":
      return fromJwk(input.jwk, now);
    default:
      throw new ClientKeyError("Unsupported key format: upload a .pfx/.p12, a PEM or DER certificate, or a JWK.");
  }
}

function checkSize(bytes: number) {
  if (bytes > MAX_KEY_FILE_BYTES) {
    throw new ClientKeyError(`The file is too large (${bytes} bytes); a client key or certificate is at most ${MAX_KEY_FILE_BYTES / 1024} KiB.`);
  }
  if (bytes === 0) throw new ClientKeyError("The file is empty.");
}

async function fromBinary(data: Buffer, password: string | undefined, kind: "pfx" | "der", now: Date): Promise<ParsedClientKey> {
  if (!Buffer.isBuffer(data)) throw new ClientKeyError("No file was uploaded.");
  checkSize(data.length);
  if (looksLikePem(data)) return fromPem(data.toString("utf8"), now);
  if (data.subarray(0, 64).toString("latin1").trimStart().startsWith("{")) return fromJwk(data.toString("utf8"), now);
  if (looksLikePfx(data)) {
    const { certificates, matched } = await readPfxCertificates(data, password);
    const parsed = certificates.map((der) => readCertificate(der));
    const leaf = matched ? parsed[0] : (parsed.find((c) => !c.ca) ?? parsed[0]);
    return clientKeyFromCertificate(leaf, now);
  }
  try {
    return clientKeyFromCertificate(new X509Certificate(data), now);
  } catch (e) {
    if (e instanceof ClientKeyError) throw e;
    throw new ClientKeyError(
      kind === "pfx"
        ? "This is not a readable .pfx/.p12 file (PKCS#12) or certificate."
        : "This is not an X.509 certificate (PEM, DER/.cer or .crt) or .pfx/.p12 file.",
    );
  }
}

async function fromPem(text: string, now: Date): Promise<ParsedClientKey> {
  if (text.trimStart().startsWith("{")) return fromJwk(text, now);
  const blocks = pemBlocks(text);
  if (blocks.some((b) => b.label.includes("PRIVATE KEY"))) {
    throw new ClientKeyError("The PEM text contains a private key: upload the certificate (the public part) only, and keep the private key with the client.");
  }
  const cert = blocks.find((b) => b.label === "CERTIFICATE");
  if (cert) return clientKeyFromCertificate(readCertificate(cert.der), now);
  const spki = blocks.find((b) => b.label === "PUBLIC KEY");
  if (spki) return fromPublicKeyDer(spki.der);
  if (blocks.length > 0) throw new ClientKeyError(`Unsupported PEM block "${blocks[0].label}": upload a CERTIFICATE or PUBLIC KEY.`);
  throw new ClientKeyError("This is not a PEM certificate (expected -----BEGIN CERTIFICATE-----).");
}

async function fromPublicKeyDer(der: Buffer): Promise<ParsedClientKey> {
  let jwk: Record<string, string>;
  try {
    jwk = signingPublicJwk(createPublicKey({ key: der, format: "der", type: "spki" }));
  } catch (e) {
    if (e instanceof ClientKeyError) throw e;
    throw new ClientKeyError("The PEM public key cannot be read.");
  }
  const kid = await calculateJwkThumbprint(jwk, "sha256");
  return { kid, x5tS256: null, jwk: { ...jwk, kid }, certificatePem: null, subject: null, issuer: null, notBefore: null, notAfter: null };
}

function fromJwk(jwk: unknown, now: Date): Promise<ParsedClientKey> {
  let value = jwk;
  if (typeof jwk === "string") {
    checkSize(Buffer.byteLength(jwk));
    try {
      value = JSON.parse(jwk);
    } catch {
      throw new ClientKeyError("The JWK is not valid JSON.");
    }
  } else {
    let size: number;
    try {
      size = Buffer.byteLength(JSON.stringify(jwk) ?? "");
    } catch {
      throw new ClientKeyError("The JWK must be a JSON object.");
    }
    checkSize(size);
  }
  return clientKeyFromJwk(value, now);
}
