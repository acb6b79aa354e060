import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

/** A self-signed RSA certificate and its key as a password-protected pfx, built as a user's tooling would. */
export function makePfx(password: string, cn = "fennec-test-client") {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const fKey = forge.pki.privateKeyFromPem(privatePem);
  const fPub = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = fPub;
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600 * 1000);
  const attrs = [{ name: "commonName", value: cn }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(fKey, forge.md.sha256.create());
  const asn1 = forge.pkcs12.toPkcs12Asn1(fKey, [cert], password, { algorithm: "3des" });
  const pfx = Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
  return { pfx, privatePem, certificatePem: forge.pki.certificateToPem(cert) };
}
