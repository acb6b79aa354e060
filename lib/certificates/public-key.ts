import type { KeyObject } from "node:crypto";
import { ClientKeyError } from "./client-key-error";

const CURVES = new Set(["P-256", "P-384", "P-521"]);
const OKP_CURVES = new Set(["Ed25519", "Ed448"]);
export const MIN_RSA_BITS = 2048;
export const MAX_RSA_BITS = 8192;

/**
 * The public JWK of a key that can sign client assertions (RS*, PS*, ES*, EdDSA), or a readable refusal:
 * short RSA keys, key-agreement keys (X25519, ECDH-only curves) and other types cannot.
 */
export function signingPublicJwk(key: KeyObject): Record<string, string> {
  const type = key.asymmetricKeyType;
  if (type === "rsa") {
    const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) throw new ClientKeyError(`The RSA key has ${bits} bits; at least ${MIN_RSA_BITS} are required.`);
    // every assertion is verified with this key: an outsized modulus or exponent would make that slow
    if (bits > MAX_RSA_BITS) throw new ClientKeyError(`The RSA key has ${bits} bits; at most ${MAX_RSA_BITS} are accepted.`);
    const e = key.asymmetricKeyDetails?.publicExponent ?? 0n;
    if (e < 3n || e > 0xffffffffn || e % 2n === 0n) throw new ClientKeyError("The RSA key's public exponent is not a usual one (such as 65537).");
  } else if (type !== "ec" && type !== "ed25519" && type !== "ed448") {
    throw new ClientKeyError(
      `Unsupported key type${type ? ` (${type})` : ""}: use an RSA (2048 bits or more), EC (P-256, P-384, P-521) or Ed25519 key.`,
    );
  }
  const jwk = key.export({ format: "jwk" }) as Record<string, string>;
  if (jwk.kty === "EC" && !CURVES.has(jwk.crv)) throw new ClientKeyError(`Unsupported EC curve ${jwk.crv}: use P-256, P-384 or P-521.`);
  if (jwk.kty === "OKP" && !OKP_CURVES.has(jwk.crv)) throw new ClientKeyError(`Unsupported curve ${jwk.crv}: use Ed25519.`);
  const members = jwk.kty === "RSA" ? ["kty", "n", "e"] : jwk.kty === "EC" ? ["kty", "crv", "x", "y"] : ["kty", "crv", "x"];
  return Object.fromEntries(members.map((m) => [m, jwk[m]]));
}
