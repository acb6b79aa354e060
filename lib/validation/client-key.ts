import { z } from "zod";
import { MAX_KEY_FILE_BYTES } from "@/lib/certificates/key-file";

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
