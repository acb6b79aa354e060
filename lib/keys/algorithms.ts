import type { SigningAlgorithm } from "@/lib/db/generated/enums";

export const SIGNING_ALGORITHMS = ["RS256", "PS256", "ES256", "EdDSA", "Ed25519"] as const satisfies readonly SigningAlgorithm[];

// WebCrypto parameters for the self-signed certificate that carries each track key in x5c.
export function certificateSigningParams(alg: SigningAlgorithm) {
  switch (alg) {
    case "RS256":
      return { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" };
    case "PS256":
      return { name: "RSA-PSS", hash: "SHA-256", saltLength: 32 };
    case "ES256":
      return { name: "ECDSA", hash: "SHA-256" };
    case "EdDSA":
    case "Ed25519":
      return { name: "Ed25519" };
  }
}
