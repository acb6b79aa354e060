import { z } from "zod";

export const MAX_KEY_FILE_BYTES = 64 * 1024;

/** JSON upload of a client key: a PEM certificate or a public JWK (exactly one). */
export const clientKeyJsonSchema = z
  .object({
    certificate: z.string().min(1).max(MAX_KEY_FILE_BYTES, "Certificate is too long.").optional(),
    jwk: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((v) => Boolean(v.certificate) !== Boolean(v.jwk), {
    message: "Send either a PEM 'certificate' or a 'jwk', not both.",
    path: ["certificate"],
  });
export type ClientKeyJsonInput = z.input<typeof clientKeyJsonSchema>;

/** What the domain layer accepts: a parsed upload of any supported kind. */
export type ClientKeyUpload =
  | { kind: "pfx"; data: Buffer; password?: string }
  | { kind: "pem"; text: string }
  | { kind: "der"; data: Buffer }
  | { kind: "jwk"; jwk: unknown };
