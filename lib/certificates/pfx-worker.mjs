// Opens a PKCS#12 file in a worker thread: node-forge derives its keys synchronously, and a file names
// its own iteration counts, so on the main thread one upload could stall every token request.
// In: { data: Uint8Array, password: string | undefined }. Out: { certificates: Uint8Array[], matched }
// or { refused: string } (a message for the administrator) or { failed: true }.
import { parentPort } from "node:worker_threads";
import forge from "node-forge";

// Real tools write 2,000 (OpenSSL, Windows, .NET) to 10,000 (Java keytool) iterations per derivation;
// a file opens with up to three derivations, tried with two passwords when none is given.
const MAX_ITERATIONS = 50_000;
const MAX_TOTAL_ITERATIONS = 300_000;

class Refused extends Error {}

parentPort.once("message", ({ data, password }) => {
  try {
    parentPort.postMessage(readPfx(Buffer.from(data), password));
  } catch (e) {
    parentPort.postMessage(e instanceof Refused ? { refused: e.message } : { failed: true });
  }
});

function readPfx(data, password) {
  let asn1;
  try {
    // strict: a lenient parse accepts a truncated file, and forge then skips the missing MAC
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(data.toString("binary")), true);
  } catch {
    throw new Refused("This is not a readable .pfx/.p12 file (PKCS#12): it may be truncated or damaged.");
  }
  const budget = { total: 0 };
  patchKdfs(budget);
  // Windows and OpenSSL write "no password" differently: without one, both the empty and none are tried
  const attempts = password ? [password] : ["", null];
  let lastError;
  for (const attempt of attempts) {
    try {
      return orderCertificates(forge.pkcs12.pkcs12FromAsn1(asn1, false, attempt));
    } catch (e) {
      if (e instanceof Refused) throw e;
      lastError = e;
    }
  }
  const message = lastError instanceof Error ? lastError.message : "";
  if (/invalid password|mac could not be verified|decrypt/i.test(message) || /padding|cipher/i.test(message)) {
    throw new Refused(
      password
        ? "The password does not open this .pfx/.p12 file."
        : "This .pfx/.p12 file is protected by a password: give its password with the upload.",
    );
  }
  throw new Refused("This is not a readable .pfx/.p12 file (PKCS#12).");
}

function patchKdfs(budget) {
  const spend = (count) => {
    const n = Number(count);
    budget.total += n;
    if (!(n <= MAX_ITERATIONS) || budget.total > MAX_TOTAL_ITERATIONS) {
      throw new Refused(
        `The .pfx/.p12 file asks for ${n.toLocaleString("en")} key-derivation iterations; Fennec reads files with at most ${MAX_ITERATIONS.toLocaleString("en")}. Export it again (for example openssl pkcs12 -export -iter 10000).`,
      );
    }
  };
  // the worker lives for one file, so the patched functions never outlast it
  const { generateKey } = forge.pkcs12;
  const { generatePkcs12Key } = forge.pbe;
  const { pbkdf2 } = forge.pkcs5;
  forge.pkcs12.generateKey = (...a) => (spend(a[3]), generateKey(...a));
  forge.pbe.generatePkcs12Key = (...a) => (spend(a[3]), generatePkcs12Key(...a));
  forge.pkcs5.pbkdf2 = (...a) => (spend(a[2]), pbkdf2(...a));
}

function orderCertificates(p12) {
  const keyIds = new Set();
  for (const type of [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag]) {
    for (const bag of p12.getBags({ bagType: type })[type] ?? []) {
      const id = bag.attributes?.localKeyId?.[0];
      if (typeof id === "string") keyIds.add(id);
    }
  }
  const certs = (p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? []).map((bag) => {
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    if (!asn1) throw new Refused("The .pfx/.p12 file holds a certificate Fennec cannot read.");
    const id = bag.attributes?.localKeyId?.[0];
    return { der: Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary"), localKeyId: typeof id === "string" ? id : null };
  });
  if (certs.length === 0) throw new Refused("The .pfx/.p12 file holds no certificate.");
  // the certificate that belongs to the file's private key first; the private key itself is never taken out
  const own = certs.filter((c) => c.localKeyId !== null && keyIds.has(c.localKeyId));
  const certificates = [...own, ...certs.filter((c) => !own.includes(c))].map((c) => new Uint8Array(c.der));
  return { certificates, matched: own.length > 0 };
}
