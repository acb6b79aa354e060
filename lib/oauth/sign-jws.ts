import "server-only";
import { constants, sign, type KeyObject, type SignKeyObjectInput } from "node:crypto";

export type JwsSigner = { kid: string; alg: string; key: KeyObject };

type Method = { hash: string | null; options: (key: KeyObject) => KeyObject | SignKeyObjectInput; pool: boolean };

// The JWS algorithms a track signs with (RFC 7518 §3, RFC 8037, RFC 9864). RSA runs on libuv's thread pool
// (the callback form of crypto.sign), so one process signs on a second core while it parses the
// next request; EC and Ed25519 take ~20 µs and are cheaper signed in place than handed over.
const METHODS: Record<string, Method> = {
  RS256: { hash: "sha256", options: (key) => key, pool: true },
  PS256: { hash: "sha256", options: (key) => ({ key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }), pool: true },
  ES256: { hash: "sha256", options: (key) => ({ key, dsaEncoding: "ieee-p1363" }), pool: false },
  EdDSA: { hash: null, options: (key) => key, pool: false },
  Ed25519: { hash: null, options: (key) => key, pool: false },
};

type Prepared = { header: string; method: Method; input: KeyObject | SignKeyObjectInput };
const g = globalThis as unknown as { __fennecJwsSigners?: WeakMap<KeyObject, Map<string, Prepared>> };
const preparedByKey = () => (g.__fennecJwsSigners ??= new WeakMap());

/** The protected header {alg, kid, typ}, encoded once per key, kid, alg and typ, and the key's signing options. */
function prepare(signer: JwsSigner, typ: string): Prepared {
  let byHeader = preparedByKey().get(signer.key);
  if (!byHeader) preparedByKey().set(signer.key, (byHeader = new Map()));
  const id = `${signer.alg} ${signer.kid} ${typ}`;
  let p = byHeader.get(id);
  if (!p) {
    const method = METHODS[signer.alg];
    if (!method) throw new Error(`unsupported signing algorithm ${signer.alg}`);
    const header = Buffer.from(JSON.stringify({ alg: signer.alg, kid: signer.kid, typ })).toString("base64url");
    p = { header, method, input: method.options(signer.key) };
    byHeader.set(id, p);
  }
  return p;
}

/** A compact JWS of `payload` (RFC 7515 §7.1), as jose's SignJWT writes it: same header members and order. */
export function signJws(signer: JwsSigner, typ: string, payload: object): Promise<string> {
  const p = prepare(signer, typ);
  const input = `${p.header}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}`;
  const data = Buffer.from(input);
  if (!p.method.pool) return Promise.resolve(`${input}.${sign(p.method.hash, data, p.input).toString("base64url")}`);
  return new Promise((resolve, reject) => {
    sign(p.method.hash, data, p.input, (err, signature) => (err ? reject(err) : resolve(`${input}.${signature.toString("base64url")}`)));
  });
}
