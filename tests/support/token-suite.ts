import { randomBytes } from "node:crypto";
import { controlClient } from "./control-api";
import { sharedServer } from "./fennec";
import { newKey, type Keys } from "./token";

export type Suite = {
  url: string;
  tenant: string;
  issuer: string;
  secrets: { basic: string; post: string; disabled: string };
  rsa: Keys;
  ec: Keys;
  newSecret: (party: string, expires_at?: string) => Promise<string>;
  stop: () => Promise<void>;
};

/**
 * A tenant of its own on the shared server, made through the Control API: track `prod` (signing
 * algorithm `alg`), resources api1 (read, write) and api2 (read, audience URI), and a client of each
 * kind: Basic, post (300 s lifetime, claim transforms), private_key_jwt (RSA + EC keys), legacy
 * private_key_jwt, disabled, and one without a secret (expiring-client) for a test to give one.
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
  const secrets = {
    basic: await secret("basic-client"),
    post: await secret("post-client"),
    disabled: await secret("disabled-client"),
  };
  return {
    url,
    tenant,
    issuer: `${url}/${tenant}/prod/`,
    secrets,
    /** a new secret for one of the suite's clients (`expires_at` an ISO time) */
    newSecret: secret,
    rsa,
    ec,
    stop: async () => {
      await control.call("DELETE", `tenants/${tenant}`).catch(() => {});
    },
  };
}
