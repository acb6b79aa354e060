import { randomBytes } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { sharedServer } from "../../support/fennec";
import { controlClient } from "./control";

export type Keys = { privateKey: CryptoKey; publicJwk: JWK; kid: string };

export async function newKey(alg: "RS256" | "ES256" | "EdDSA" | "Ed25519" = "RS256", kid = `k-${alg}-${Math.random().toString(36).slice(2)}`): Promise<Keys> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid }, kid };
}

export type Suite = {
  url: string;
  tenant: string;
  issuer: string;
  secrets: { basic: string; post: string; disabled: string; expiring: string };
  /** when the expiring client's secret expires (ms since epoch) */
  expiringAt: number;
  rsa: Keys;
  ec: Keys;
  stop: () => Promise<void>;
};

/**
 * A tenant of its own on the shared server, made through the Control API: track `prod` (signing
 * algorithm `alg`), resources api1 (read, write) and api2 (read, audience URI), and a client of each
 * kind: Basic, post (300 s lifetime, claim transforms), private_key_jwt (RSA + EC keys), legacy
 * private_key_jwt, disabled, and one whose only secret expires a few seconds after setup.
 */
export async function startTokenSuite(alg: "RS256" | "ES256" | "PS256" | "EdDSA" | "Ed25519" = "RS256"): Promise<Suite> {
  const { url, bootstrapClient } = sharedServer();
  const control = await controlClient(url, bootstrapClient);
  const tenant = `tok-${randomBytes(4).toString("hex")}`;
  await control.call("POST", "tenants", { name: tenant });
  await control.call("POST", `${tenant}/tracks`, { name: "prod", signing_algorithm: alg });
  const party = (body: unknown) => control.call("POST", `${tenant}/prod/parties`, body);
  const secret = async (name: string, expires_at?: string) =>
    ((await control.call("POST", `${tenant}/prod/parties/${name}/secrets`, expires_at ? { expires_at } : {})) as { secret: string }).secret;
  const key = (name: string, k: Keys) => control.call("POST", `${tenant}/prod/parties/${name}/keys`, { jwk: k.publicJwk });

  const rsa = await newKey("RS256", "rsa-1");
  const ec = await newKey("ES256", "ec-1");
  const grants = [{ resource: "api1", scopes: ["read"] }];
  const client = (auth_method: string, extra: Record<string, unknown> = {}) => ({ auth_method, resource_scopes: grants, ...extra });
  await party({ name: "api1", resource: { scopes: ["read", "write"] } });
  await party({ name: "api2", resource: { scopes: ["read"], audience: "https://api2.example.com" } });
  await party({
    name: "basic-client",
    client: client("client_secret_basic", { resource_scopes: [{ resource: "api1", scopes: ["read", "write"] }, { resource: "api2", scopes: ["read"] }] }),
  });
  await party({
    name: "post-client",
    client: client("client_secret_post", { access_token_lifetime: 300 }),
    claim_transforms: [
      { type: "constant", claims_out: ["role"], transformation: "reader" },
      { type: "concatenate", claims_in: ["sub", "aud"], claims_out: ["label"], transformation: "{0}@{1}" },
    ],
  });
  await party({ name: "jwt-client", client: client("private_key_jwt") });
  await party({ name: "legacy-client", client: client("private_key_jwt", { allow_legacy_assertion_audience: true }) });
  await party({ name: "disabled-client", client: client("client_secret_post", { client_credentials_enabled: false }) });
  await party({ name: "expiring-client", client: client("client_secret_post") });
  await key("jwt-client", rsa);
  await key("jwt-client", ec);
  await key("legacy-client", rsa);
  const expiringAt = Date.now() + 4000;
  const secrets = {
    basic: await secret("basic-client"),
    post: await secret("post-client"),
    disabled: await secret("disabled-client"),
    expiring: await secret("expiring-client", new Date(expiringAt).toISOString()),
  };
  return {
    url,
    tenant,
    issuer: `${url}/${tenant}/prod/`,
    secrets,
    expiringAt,
    rsa,
    ec,
    stop: async () => {
      await control.call("DELETE", `tenants/${tenant}`).catch(() => {});
    },
  };
}

export type AssertionOptions = {
  key: CryptoKey;
  alg?: string;
  kid?: string;
  iss?: string;
  sub?: string;
  aud?: string | string[];
  iat?: number;
  nbf?: number;
  exp?: number | null;
  jti?: string | null;
  typ?: string;
};

export async function assertion(clientId: string, issuer: string, o: AssertionOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const payload: Record<string, unknown> = {
    iss: o.iss ?? clientId,
    sub: o.sub ?? clientId,
    aud: o.aud ?? issuer,
    iat: o.iat ?? now,
    ...(o.nbf !== undefined ? { nbf: o.nbf } : {}),
  };
  if (o.exp !== null) payload.exp = o.exp ?? now + 60;
  if (o.jti !== null) payload.jti = o.jti ?? crypto.randomUUID();
  return new SignJWT(payload)
    .setProtectedHeader({ alg: o.alg ?? "RS256", ...(o.kid ? { kid: o.kid } : {}), ...(o.typ ? { typ: o.typ } : {}) })
    .sign(o.key);
}

export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export async function postToken(url: string, body: Record<string, string> | string, headers: Record<string, string> = {}) {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: typeof body === "string" ? body : new URLSearchParams(body),
  });
  const text = await r.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text);
  } catch {}
  return { status: r.status, headers: r.headers, json, text };
}

export const basicHeader = (id: string, secret: string) => {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString("base64")}`;
};
