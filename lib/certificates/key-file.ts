import type { ClientKeyInput } from "./types";

/** The largest client key file Fennec reads (a certificate, pfx or JWK), in bytes. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

/** Which binary format a key file is: PKCS#12 starts SEQUENCE { INTEGER 3, ...}, a certificate SEQUENCE { SEQUENCE ...}. */
export function binaryKind(data: Buffer): "pfx" | "der" {
  if (data.length < 4 || data[0] !== 0x30) return "der";
  const lenByte = data[1];
  const offset = lenByte < 0x80 ? 2 : 2 + (lenByte & 0x7f);
  return data[offset] === 0x02 ? "pfx" : "der";
}

/**
 * The one classifier of an uploaded key file, for the admin UI and the Control API alike: PEM and JWK
 * are text and recognised by their first characters; a binary file is a pfx when its name or a
 * password says so, else whatever its first ASN.1 element says.
 */
export function classifyKeyFile(data: Buffer, fileName: string, password?: string): ClientKeyInput {
  const head = data.subarray(0, 64).toString("utf8").trimStart();
  if (head.startsWith("-----BEGIN")) return { kind: "pem", text: data.toString("utf8") };
  if (head.startsWith("{")) {
    try {
      return { kind: "jwk", jwk: JSON.parse(data.toString("utf8")) };
    } catch {
      return { kind: "jwk", jwk: null };
    }
  }
  const ext = fileName.toLowerCase().split(".").pop();
  if (ext === "pfx" || ext === "p12" || password) return { kind: "pfx", data, password };
  return binaryKind(data) === "pfx" ? { kind: "pfx", data, password } : { kind: "der", data };
}
