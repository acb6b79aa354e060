import { createHash, X509Certificate } from "node:crypto";
import { ClientKeyError } from "./client-key-error";
import { signingPublicJwk } from "./public-key";
import type { ParsedClientKey } from "./types";

export function readCertificate(der: Buffer): X509Certificate {
  try {
    return new X509Certificate(der);
  } catch {
    throw new ClientKeyError("This is not an X.509 certificate (PEM, DER/.cer or .crt).");
  }
}

/**
 * A client key from a certificate. kid is the base64url SHA-1 thumbprint (FoxIDs' x5t, so keys moved
 * from FoxIDs keep their kid); x5t#S256 is what Fennec shows and matches on. Not-yet-valid
 * certificates are accepted (they authenticate from notBefore on); expired ones are refused.
 */
export function clientKeyFromCertificate(cert: X509Certificate, now = new Date()): ParsedClientKey {
  const notBefore = new Date(cert.validFrom);
  const notAfter = new Date(cert.validTo);
  if (notAfter.getTime() <= now.getTime()) {
    throw new ClientKeyError(`The certificate expired on ${notAfter.toISOString().slice(0, 10)}; upload a current one.`);
  }
  const der = cert.raw;
  const kid = createHash("sha1").update(der).digest("base64url");
  const x5tS256 = createHash("sha256").update(der).digest("base64url");
  const jwk = {
    ...signingPublicJwk(cert.publicKey),
    kid,
    x5c: [der.toString("base64")],
    x5t: kid,
    "x5t#S256": x5tS256,
  };
  return {
    kid,
    x5tS256,
    jwk,
    certificatePem: toPem(der),
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    notBefore,
    notAfter,
  };
}

const distinguishedName = (dn: string) => dn.split("\n").filter(Boolean).join(", ").slice(0, 1000);

function toPem(der: Buffer) {
  const b64 = der.toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}
