import { z } from "zod";

export const MAX_KEY_FILE_BYTES = 64 * 1024;

/**
 * JSON upload of a client key: exactly one of a certificate (PEM, or base64 DER), a public JWK, or a
 * base64 pfx with its password. Multipart uploads send `file` and an optional `password` instead.
 */
export const clientKeyJsonSchema = z
  .object({
    certificate: z.string().min(1).max(MAX_KEY_FILE_BYTES, "Certificate is too long.").optional(),
    jwk: z.record(z.string(), z.unknown()).optional(),
    pfx: z.string().min(1).max(MAX_KEY_FILE_BYTES, "pfx is too long.").optional(),
    password: z.string().max(300, "Password must be at most 300 characters.").optional(),
  })
  .refine((v) => [v.certificate, v.jwk, v.pfx].filter(Boolean).length === 1, {
    message: "Send exactly one of 'certificate' (PEM), 'jwk' or 'pfx' (base64).",
    path: ["certificate"],
  });
export type ClientKeyJsonInput = z.input<typeof clientKeyJsonSchema>;

/** What the domain layer accepts: a parsed upload of any supported kind. */
export type ClientKeyUpload =
  | { kind: "pfx"; data: Buffer; password?: string }
  | { kind: "pem"; text: string }
  | { kind: "der"; data: Buffer }
  | { kind: "jwk"; jwk: unknown };

/** Which binary format a key file is: PKCS#12 starts SEQUENCE { INTEGER 3, ...}, a certificate SEQUENCE { SEQUENCE ...}. */
export function binaryKind(data: Buffer): "pfx" | "der" {
  if (data.length < 4 || data[0] !== 0x30) return "der";
  const lenByte = data[1];
  const offset = lenByte < 0x80 ? 2 : 2 + (lenByte & 0x7f);
  return data[offset] === 0x02 ? "pfx" : "der";
}

/** Classifies an uploaded key file by its content (and extension when it is binary). */
export function classifyKeyFile(data: Buffer, fileName: string, password?: string): ClientKeyUpload {
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
