import { execFileSync } from "node:child_process";
import { createHash, generateKeyPairSync, X509Certificate } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { calculateJwkThumbprint } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { ClientKeyError, parseClientKey, type ClientKeyInput } from "@/lib/certificates/parse-client-key";
import { pfx, rsaCertificate, webCryptoCertificate, withMacIterations, type RsaFixture } from "../../support/client-keys";

const DAY = 86_400_000;
let leaf: RsaFixture;
let ca: RsaFixture;

beforeAll(() => {
  ca = rsaCertificate({ cn: "test-ca", ca: true });
  leaf = rsaCertificate({ cn: "my-backend", issuer: ca });
});

async function refusal(input: ClientKeyInput): Promise<string> {
  const e = await parseClientKey(input).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(ClientKeyError);
  return (e as Error).message;
}

const sha1 = (b: Buffer) => createHash("sha1").update(b).digest("base64url");
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("base64url");

function expectPublicOnly(parsed: unknown, fixture: RsaFixture) {
  const json = JSON.stringify(parsed);
  expect(json).not.toContain(fixture.privateD);
  expect(json).not.toContain("PRIVATE KEY");
  for (const m of ["d", "p", "q", "dp", "dq", "qi"]) expect((parsed as { jwk: object }).jwk).not.toHaveProperty(m);
}

describe("certificates", () => {
  it("reads a PEM certificate: FoxIDs kid (SHA-1 x5t), x5t#S256, public JWK with x5c, subject and validity", async () => {
    const parsed = await parseClientKey({ kind: "pem", text: leaf.certPem });
    expect(parsed.kid).toBe(sha1(leaf.certDer));
    expect(parsed.x5tS256).toBe(sha256(leaf.certDer));
    expect(parsed.jwk).toMatchObject({ kty: "RSA", kid: parsed.kid, x5t: parsed.kid, "x5t#S256": parsed.x5tS256, x5c: [leaf.certDer.toString("base64")] });
    expect(parsed.subject).toBe("CN=my-backend, O=Fennec tests");
    expect(parsed.issuer).toBe("CN=test-ca, O=Fennec tests");
    expect(parsed.notAfter?.getTime()).toBe(Math.floor(leaf.cert.validity.notAfter.getTime() / 1000) * 1000);
    expect(new X509Certificate(parsed.certificatePem!).raw.equals(leaf.certDer)).toBe(true);
    expectPublicOnly(parsed, leaf);
  });

  it("takes the first certificate of a PEM chain", async () => {
    const parsed = await parseClientKey({ kind: "pem", text: leaf.certPem + ca.certPem });
    expect(parsed.kid).toBe(sha1(leaf.certDer));
  });

  it("reads a DER certificate, and PEM text uploaded as a .cer file", async () => {
    expect((await parseClientKey({ kind: "der", data: leaf.certDer })).kid).toBe(sha1(leaf.certDer));
    expect((await parseClientKey({ kind: "der", data: Buffer.from(leaf.certPem) })).kid).toBe(sha1(leaf.certDer));
  });

  it("reads EC P-256 and Ed25519 certificates", async () => {
    const ec = await webCryptoCertificate("ES256");
    expect((await parseClientKey({ kind: "pem", text: ec.certPem })).jwk).toMatchObject({ kty: "EC", crv: "P-256" });
    const ed = await webCryptoCertificate("EdDSA");
    expect((await parseClientKey({ kind: "der", data: ed.certDer })).jwk).toMatchObject({ kty: "OKP", crv: "Ed25519" });
  });

  it("refuses an expired certificate and says when it expired; accepts one that is not yet valid", async () => {
    const expired = rsaCertificate({ notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - 2 * DAY) });
    const message = await refusal({ kind: "pem", text: expired.certPem });
    expect(message).toMatch(/expired on \d{4}-\d{2}-\d{2}/);
    const future = rsaCertificate({ notBefore: new Date(Date.now() + 10 * DAY), notAfter: new Date(Date.now() + 400 * DAY) });
    const parsed = await parseClientKey({ kind: "pem", text: future.certPem });
    expect(parsed.notBefore!.getTime()).toBeGreaterThan(Date.now());
  });

  it("refuses RSA keys shorter than 2048 bits", async () => {
    const weak = rsaCertificate({ bits: 1024 });
    expect(await refusal({ kind: "pem", text: weak.certPem })).toMatch(/1024 bits; at least 2048/);
  });

  it("refuses PEM text that holds a private key, and reads a PEM public key", async () => {
    expect(await refusal({ kind: "pem", text: leaf.certPem + leaf.privateKeyPem })).toMatch(/private key/);
    expect(await refusal({ kind: "pem", text: leaf.privateKeyPem })).toMatch(/private key/);
    const { publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const parsed = await parseClientKey({ kind: "pem", text: publicKey.export({ format: "pem", type: "spki" }).toString() });
    expect(parsed.jwk).toMatchObject({ kty: "EC", crv: "P-256" });
    expect(parsed.kid).toBe(await calculateJwkThumbprint(publicKey.export({ format: "jwk" }), "sha256"));
    expect(parsed.certificatePem).toBeNull();
  });
});

describe("pfx / p12", () => {
  it("reads a password-protected pfx and returns the certificate's public key only", async () => {
    const parsed = await parseClientKey({ kind: "pfx", data: pfx(leaf, "s3cret!", { chain: [ca] }), password: "s3cret!" });
    expect(parsed.kid).toBe(sha1(leaf.certDer));
    expect(parsed.subject).toBe("CN=my-backend, O=Fennec tests");
    expectPublicOnly(parsed, leaf);
  });

  it("reads AES-256 encrypted pfx files", async () => {
    const parsed = await parseClientKey({ kind: "pfx", data: pfx(leaf, "pw", { algorithm: "aes256" }), password: "pw" });
    expect(parsed.kid).toBe(sha1(leaf.certDer));
  });

  it("says when the password is wrong, and when one is needed", async () => {
    const file = pfx(leaf, "right");
    expect(await refusal({ kind: "pfx", data: file, password: "wrong" })).toBe("The password does not open this .pfx/.p12 file.");
    expect(await refusal({ kind: "pfx", data: file })).toMatch(/protected by a password/);
  });

  it("reads pfx files with an empty password and with no password, also when uploaded as a certificate", async () => {
    expect((await parseClientKey({ kind: "pfx", data: pfx(leaf, "") })).kid).toBe(sha1(leaf.certDer));
    expect((await parseClientKey({ kind: "pfx", data: pfx(leaf, null) })).kid).toBe(sha1(leaf.certDer));
    expect((await parseClientKey({ kind: "der", data: pfx(leaf, "") })).kid).toBe(sha1(leaf.certDer));
  });

  it("refuses a file that asks for an excessive key-derivation cost, quickly", async () => {
    expect((await parseClientKey({ kind: "pfx", data: pfx(leaf, "pw", { iterations: 10_000 }), password: "pw" })).kid).toBe(sha1(leaf.certDer));
    const costly = withMacIterations(pfx(leaf, "pw"), 5_000_000);
    const started = performance.now();
    expect(await refusal({ kind: "pfx", data: costly, password: "pw" })).toMatch(/asks for 5,000,000 key-derivation iterations; Fennec reads files with at most 50,000/);
    expect(performance.now() - started).toBeLessThan(1000);
    // the budget is per call: the next file opens normally
    expect((await parseClientKey({ kind: "pfx", data: pfx(leaf, "pw"), password: "pw" })).kid).toBe(sha1(leaf.certDer));
  });

  it("picks the end-entity certificate when nothing links a certificate to the key", async () => {
    const file = pfx(leaf, "pw", { chain: [ca], certificatesOnlyCaFirst: true });
    expect((await parseClientKey({ kind: "pfx", data: file, password: "pw" })).kid).toBe(sha1(leaf.certDer));
  });

  const openssl = (() => {
    try {
      execFileSync("openssl", ["version"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!openssl)("reads a pfx written by OpenSSL 3 with its defaults (PBES2/AES-256, HMAC-SHA256)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fennec-pfx-"));
    try {
      fs.writeFileSync(path.join(dir, "key.pem"), leaf.privateKeyPem);
      fs.writeFileSync(path.join(dir, "cert.pem"), leaf.certPem);
      const out = path.join(dir, "client.pfx");
      execFileSync("openssl", ["pkcs12", "-export", "-inkey", "key.pem", "-in", "cert.pem", "-out", out, "-passout", "pass:open sesame"], { cwd: dir });
      const parsed = await parseClientKey({ kind: "pfx", data: fs.readFileSync(out), password: "open sesame" });
      expect(parsed.kid).toBe(sha1(leaf.certDer));
      expectPublicOnly(parsed, leaf);
      expect(await refusal({ kind: "pfx", data: fs.readFileSync(out), password: "open sesame!" })).toMatch(/password does not open/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("JWK", () => {
  const rsa = () => generateKeyPairSync("rsa", { modulusLength: 2048 });

  it("keeps the JWK's own kid, or uses its RFC 7638 thumbprint", async () => {
    const pub = rsa().publicKey.export({ format: "jwk" });
    expect((await parseClientKey({ kind: "jwk", jwk: { ...pub, kid: "key-2026", alg: "PS256", use: "sig" } })).jwk).toEqual({
      kty: "RSA",
      n: pub.n,
      e: pub.e,
      kid: "key-2026",
      alg: "PS256",
      use: "sig",
    });
    const parsed = await parseClientKey({ kind: "jwk", jwk: pub });
    expect(parsed.kid).toBe(await calculateJwkThumbprint(pub, "sha256"));
    expect(parsed.x5tS256).toBeNull();
  });

  it("accepts EC and Ed25519 keys, and a JWK given as JSON text", async () => {
    const ec = generateKeyPairSync("ec", { namedCurve: "P-384" }).publicKey.export({ format: "jwk" });
    expect((await parseClientKey({ kind: "jwk", jwk: ec })).jwk).toMatchObject({ kty: "EC", crv: "P-384" });
    const ed = generateKeyPairSync("ed25519").publicKey.export({ format: "jwk" });
    expect((await parseClientKey({ kind: "jwk", jwk: JSON.stringify(ed) })).jwk).toMatchObject({ kty: "OKP", crv: "Ed25519" });
  });

  it("refuses symmetric keys", async () => {
    expect(await refusal({ kind: "jwk", jwk: { kty: "oct", k: "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0" } })).toMatch(/Symmetric keys \(kty "oct"\)/);
  });

  it("refuses a JWK with private members: upload the public key only", async () => {
    const priv = rsa().privateKey.export({ format: "jwk" });
    expect(await refusal({ kind: "jwk", jwk: priv })).toMatch(/private key members \(d, p, q, dp, dq, qi\): upload the public key only/);
    const ecPriv = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" });
    expect(await refusal({ kind: "jwk", jwk: ecPriv })).toMatch(/upload the public key only/);
  });

  it("refuses key-agreement keys, broken keys, JWK Sets, wrong use/alg and odd kids", async () => {
    const x25519 = generateKeyPairSync("x25519").publicKey.export({ format: "jwk" });
    expect(await refusal({ kind: "jwk", jwk: x25519 })).toMatch(/Unsupported key type \(x25519\)/);
    expect(await refusal({ kind: "jwk", jwk: { kty: "RSA", n: "AQAB", e: "AQAB" } })).toMatch(/RSA key has \d+ bits|not a valid public key/);
    expect(await refusal({ kind: "jwk", jwk: { kty: "EC", crv: "P-256", x: "AA", y: "AA" } })).toMatch(/not a valid public key/);
    const pub = rsa().publicKey.export({ format: "jwk" });
    expect(await refusal({ kind: "jwk", jwk: { keys: [pub] } })).toMatch(/JWK Set/);
    expect(await refusal({ kind: "jwk", jwk: { ...pub, use: "enc" } })).toMatch(/"use" must be "sig"/);
    expect(await refusal({ kind: "jwk", jwk: { ...pub, alg: "HS256" } })).toMatch(/"alg" must be one of/);
    expect(await refusal({ kind: "jwk", jwk: { ...pub, alg: "ES256" } })).toMatch(/"alg" must be one of/);
    expect(await refusal({ kind: "jwk", jwk: { ...pub, kid: "has space" } })).toMatch(/"kid"/);
    expect(await refusal({ kind: "jwk", jwk: { kty: "DSA" } })).toMatch(/kty must be RSA, EC or OKP/);
    const hugeExponent = { ...pub, e: Buffer.alloc(600, 0xff).toString("base64url") };
    expect(await refusal({ kind: "jwk", jwk: hugeExponent })).toMatch(/public exponent is not a usual one/);
    const hugeModulus = { kty: "RSA", n: Buffer.concat([Buffer.from([0xc5]), Buffer.alloc(2047, 0x5b)]).toString("base64url"), e: "AQAB" };
    expect(await refusal({ kind: "jwk", jwk: hugeModulus })).toMatch(/16384 bits; at most 8192/);
    expect(await refusal({ kind: "jwk", jwk: [pub] })).toMatch(/JSON object/);
    expect(await refusal({ kind: "jwk", jwk: "{not json" })).toMatch(/not valid JSON/);
  });

  it("reads the certificate of a JWK's x5c and refuses one that holds another key", async () => {
    const parsed = await parseClientKey({ kind: "pem", text: leaf.certPem });
    const jwk = { ...parsed.jwk };
    delete jwk.x5t;
    const fromJwk = await parseClientKey({ kind: "jwk", jwk: { ...jwk, kid: undefined } });
    expect(fromJwk.kid).toBe(parsed.kid);
    expect(fromJwk.subject).toBe(parsed.subject);
    expect(fromJwk.x5tS256).toBe(parsed.x5tS256);
    const other = rsa().publicKey.export({ format: "jwk" });
    expect(await refusal({ kind: "jwk", jwk: { ...other, x5c: jwk.x5c } })).toMatch(/different key/);
  });
});

describe("hostile input", () => {
  it("refuses garbage in every kind with a readable message", async () => {
    const garbage = Buffer.from("this is definitely not a key file \u0000\u0001\u0002");
    expect(await refusal({ kind: "der", data: garbage })).toMatch(/not an X.509 certificate/);
    expect(await refusal({ kind: "pfx", data: garbage, password: "x" })).toMatch(/not a readable .pfx/);
    expect(await refusal({ kind: "pem", text: "hello" })).toMatch(/not a PEM certificate/);
    expect(await refusal({ kind: "pem", text: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" })).toMatch(/not an X.509/);
    expect(await refusal({ kind: "pem", text: "-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n" })).toMatch(/Unsupported PEM block/);
    expect(await refusal({ kind: "der", data: Buffer.alloc(0) })).toMatch(/empty/);
    // a truncated pfx
    expect(await refusal({ kind: "pfx", data: pfx(leaf, "pw").subarray(0, 300), password: "pw" })).toMatch(/not a readable .pfx\/.p12 file \(PKCS#12\): it may be truncated/);
  });

  it("refuses inputs over 64 KiB before parsing them", async () => {
    const big = Buffer.alloc(64 * 1024 + 1, 0x30);
    expect(await refusal({ kind: "der", data: big })).toMatch(/too large \(65537 bytes\).*64 KiB/);
    expect(await refusal({ kind: "pfx", data: big, password: "x" })).toMatch(/too large/);
    expect(await refusal({ kind: "pem", text: leaf.certPem + " ".repeat(64 * 1024) })).toMatch(/too large/);
    expect(await refusal({ kind: "jwk", jwk: { kty: "RSA", pad: "x".repeat(70_000) } })).toMatch(/too large/);
  });

  it("reads many unterminated PEM headers in linear time", async () => {
    const text = "-----BEGIN CERTIFICATE-----\n".repeat(2000);
    const started = performance.now();
    expect(await refusal({ kind: "pem", text })).toMatch(/not a PEM certificate/);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
