export type ClientKeyInput =
  | { kind: "pfx"; data: Buffer; password?: string }
  | { kind: "pem"; text: string }
  | { kind: "der"; data: Buffer }
  | { kind: "jwk"; jwk: unknown };

/** Public material only: what Fennec stores for a client key. */
export type ParsedClientKey = {
  kid: string;
  x5tS256: string | null;
  /** public JWK with kid (and x5c, x5t, x5t#S256 for a certificate) */
  jwk: Record<string, unknown>;
  certificatePem: string | null;
  subject: string | null;
  issuer: string | null;
  notBefore: Date | null;
  notAfter: Date | null;
};
