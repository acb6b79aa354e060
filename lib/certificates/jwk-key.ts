import { createHash, createPublicKey } from "node:crypto";
import { calculateJwkThumbprint } from "jose";
import { clientKeyFromCertificate, readCertificate } from "./certificate-key";
import { ClientKeyError } from "./client-key-error";
import { KID_PATTERN, KID_RULE } from "./kid";
import { signingPublicJwk } from "./public-key";
import type { ParsedClientKey } from "./types";

const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "oth", "k"];
const ALGS: Record<string, string[]> = {
  RSA: ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"],
  EC: ["ES256", "ES384", "ES512"],
  OKP: ["EdDSA", "Ed25519"],
};

/** A client key from a public JWK (RFC 7517); symmetric and private keys are refused, not stripped. */
export async function clientKeyFromJwk(input: unknown, now = new Date()): Promise<ParsedClientKey> {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw new ClientKeyError("The JWK must be a JSON object.");
  const jwk = input as Record<string, unknown>;
  if (Array.isArray(jwk.keys)) throw new ClientKeyError("This is a JWK Set: upload one key (a single JWK) at a time.");
  if (jwk.kty === "oct") {
    throw new ClientKeyError('Symmetric keys (kty "oct") cannot authenticate a client with private_key_jwt: upload a public RSA, EC or OKP key.');
  }
  if (typeof jwk.kty !== "string" || !ALGS[jwk.kty]) throw new ClientKeyError("Unsupported JWK key type: kty must be RSA, EC or OKP.");
  const privateMembers = PRIVATE_MEMBERS.filter((m) => m in jwk);
  if (privateMembers.length > 0) {
    throw new ClientKeyError(`The JWK contains private key members (${privateMembers.join(", ")}): upload the public key only.`);
  }
  if (jwk.use !== undefined && jwk.use !== "sig") throw new ClientKeyError('The JWK is not a signing key: "use" must be "sig" when present.');
  if (jwk.alg !== undefined && !(typeof jwk.alg === "string" && ALGS[jwk.kty].includes(jwk.alg))) {
    throw new ClientKeyError(`The JWK's "alg" must be one of ${ALGS[jwk.kty].join(", ")} for a ${jwk.kty} key.`);
  }
  if (jwk.kid !== undefined && !(typeof jwk.kid === "string" && KID_PATTERN.test(jwk.kid))) {
    throw new ClientKeyError(`The JWK's "kid" is not accepted: ${KID_RULE}.`);
  }

  let publicJwk: Record<string, string>;
  try {
    publicJwk = signingPublicJwk(createPublicKey({ key: jwk as import("node:crypto").JsonWebKey, format: "jwk" }));
  } catch (e) {
    if (e instanceof ClientKeyError) throw e;
    throw new ClientKeyError("The JWK is not a valid public key.");
  }

  const fromCert = certificateOf(jwk, publicJwk, now);
  const kid = (jwk.kid as string | undefined) ?? fromCert?.kid ?? (await calculateJwkThumbprint(publicJwk, "sha256"));
  const extras: Record<string, unknown> = {};
  if (typeof jwk.alg === "string") extras.alg = jwk.alg;
  if (jwk.use === "sig") extras.use = "sig";
  return {
    kid,
    x5tS256: fromCert?.x5tS256 ?? null,
    jwk: { ...publicJwk, kid, ...extras, ...(fromCert ? pick(fromCert.jwk, ["x5c", "x5t", "x5t#S256"]) : {}) },
    certificatePem: fromCert?.certificatePem ?? null,
    subject: fromCert?.subject ?? null,
    issuer: fromCert?.issuer ?? null,
    notBefore: fromCert?.notBefore ?? null,
    notAfter: fromCert?.notAfter ?? null,
  };
}

/** A JWK's x5c certificate, which must carry the same public key (RFC 7517 §4.7). */
function certificateOf(jwk: Record<string, unknown>, publicJwk: Record<string, string>, now: Date): ParsedClientKey | null {
  if (jwk.x5c === undefined) return null;
  if (!Array.isArray(jwk.x5c) || typeof jwk.x5c[0] !== "string") throw new ClientKeyError('The JWK\'s "x5c" must be an array of base64 certificates.');
  const parsed = clientKeyFromCertificate(readCertificate(Buffer.from(jwk.x5c[0], "base64")), now);
  const certKey = pick(parsed.jwk, Object.keys(publicJwk));
  if (JSON.stringify(certKey) !== JSON.stringify(publicJwk)) throw new ClientKeyError('The JWK\'s "x5c" certificate holds a different key than the JWK.');
  const der = Buffer.from(jwk.x5c[0], "base64");
  if (typeof jwk["x5t#S256"] === "string" && jwk["x5t#S256"] !== createHash("sha256").update(der).digest("base64url")) {
    throw new ClientKeyError('The JWK\'s "x5t#S256" does not match its certificate.');
  }
  return parsed;
}

function pick(o: Record<string, unknown>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}
