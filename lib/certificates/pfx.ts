import forge from "node-forge";
import { ClientKeyError } from "./client-key-error";

type CertBag = { der: Buffer; localKeyId: string | null };

/**
 * The certificates of a PKCS#12 file as DER, the one that belongs to the private key first (matched). Only the
 * certificate is taken out: the private key the file may hold is never read into a result here.
 * Without a password both the empty password and "no password" are tried, as Windows and OpenSSL
 * write them differently.
 */
export function readPfxCertificates(data: Buffer, password: string | undefined): { certificates: Buffer[]; matched: boolean } {
  const asn1 = parseAsn1(data);
  const attempts: (string | null)[] = password ? [password] : ["", null];
  let lastError: unknown;
  for (const attempt of attempts) {
    try {
      // node-forge's typings say string, but it handles null ("no password") as PKCS#12 defines it
      const p12 = withIterationBudget(() => forge.pkcs12.pkcs12FromAsn1(asn1, false, attempt as string));
      return orderCertificates(p12);
    } catch (e) {
      if (e instanceof ClientKeyError) throw e;
      lastError = e;
    }
  }
  const message = lastError instanceof Error ? lastError.message : "";
  if (/invalid password|mac could not be verified|decrypt/i.test(message) || /padding|cipher/i.test(message)) {
    throw new ClientKeyError(
      password
        ? "The password does not open this .pfx/.p12 file."
        : "This .pfx/.p12 file is protected by a password: give its password with the upload.",
    );
  }
  throw new ClientKeyError("This is not a readable .pfx/.p12 file (PKCS#12).");
}

/** Whether the bytes have the outer shape of a PKCS#12 PFX (version 3), without opening it. */
export function looksLikePfx(data: Buffer): boolean {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(data.toString("binary")), false);
    const version = Array.isArray(asn1.value) ? asn1.value[0] : undefined;
    return version !== undefined && forge.asn1.derToInteger(version.value as string) === 3;
  } catch {
    return false;
  }
}

function parseAsn1(data: Buffer): forge.asn1.Asn1 {
  try {
    // strict: a lenient parse accepts a truncated file, and forge then skips the missing MAC
    return forge.asn1.fromDer(forge.util.createBuffer(data.toString("binary")), true);
  } catch {
    throw new ClientKeyError("This is not a readable .pfx/.p12 file (PKCS#12): it may be truncated or damaged.");
  }
}

function orderCertificates(p12: forge.pkcs12.Pkcs12Pfx): { certificates: Buffer[]; matched: boolean } {
  const keyIds = new Set<string>();
  for (const type of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag]) {
    for (const bag of p12.getBags({ bagType: type! })[type!] ?? []) {
      const id = bag.attributes?.localKeyId?.[0];
      if (typeof id === "string") keyIds.add(id);
    }
  }
  const certs: CertBag[] = (p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? []).map((bag) => {
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : (bag as { asn1?: forge.asn1.Asn1 }).asn1;
    if (!asn1) throw new ClientKeyError("The .pfx/.p12 file holds a certificate Fennec cannot read.");
    const id = bag.attributes?.localKeyId?.[0];
    return { der: Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"), localKeyId: typeof id === "string" ? id : null };
  });
  if (certs.length === 0) throw new ClientKeyError("The .pfx/.p12 file holds no certificate.");
  const own = certs.filter((c) => c.localKeyId !== null && keyIds.has(c.localKeyId));
  const certificates = [...own, ...certs.filter((c) => !own.includes(c))].map((c) => c.der);
  return { certificates, matched: own.length > 0 };
}

// A PKCS#12 file names its own key-derivation iteration counts, and node-forge runs them synchronously:
// 600,000 iterations took 6 s here, so a hostile file could stall the process. Real files use 2,000-10,000.
const MAX_ITERATIONS = 100_000;
const MAX_TOTAL_ITERATIONS = 400_000;

type Kdf = (...args: unknown[]) => unknown;

function withIterationBudget<T>(fn: () => T): T {
  const p12 = forge.pkcs12 as unknown as { generateKey: Kdf };
  const pbe = (forge as unknown as { pbe: { generatePkcs12Key: Kdf } }).pbe;
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Kdf };
  const saved = { generateKey: p12.generateKey, generatePkcs12Key: pbe.generatePkcs12Key, pbkdf2: pkcs5.pbkdf2 };
  let total = 0;
  const spend = (count: unknown) => {
    const n = Number(count);
    total += n;
    if (!(n <= MAX_ITERATIONS) || total > MAX_TOTAL_ITERATIONS) {
      throw new ClientKeyError(
        `The .pfx/.p12 file asks for ${n.toLocaleString("en")} key-derivation iterations; Fennec reads files with at most ${MAX_ITERATIONS.toLocaleString("en")}. Export it again (for example openssl pkcs12 -export -iter 10000).`,
      );
    }
  };
  // synchronous: nothing else runs between patching and restoring
  p12.generateKey = (...a) => (spend(a[3]), saved.generateKey(...a));
  pbe.generatePkcs12Key = (...a) => (spend(a[3]), saved.generatePkcs12Key(...a));
  pkcs5.pbkdf2 = (...a) => (spend(a[2]), saved.pbkdf2(...a));
  try {
    return fn();
  } finally {
    p12.generateKey = saved.generateKey;
    pbe.generatePkcs12Key = saved.generatePkcs12Key;
    pkcs5.pbkdf2 = saved.pbkdf2;
  }
}
