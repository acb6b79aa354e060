import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";
import { seedDatabase, startSeeded, type SeedSpec } from "./fixtures";
import { dropTestDatabase, type TestServer } from "../../support/server";
import fs from "node:fs";

// The fixture every token test file starts from: resources and clients of each kind in master/master.
export const SECRETS = {
  basic: "b@sic:secret+with%odd chars/é-0123456789",
  post: "post-secret-0123456789-abcdefghijklmnop",
  disabled: "disabled-secret-0123456789-abcdefghij",
  expired: "expired-secret-0123456789-abcdefghijk",
};

export type Keys = { privateKey: CryptoKey; publicJwk: JWK; kid: string };

export async function newKey(alg: "RS256" | "ES256" | "EdDSA" = "RS256", kid = `k-${alg}-${Math.random().toString(36).slice(2)}`): Promise<Keys> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid }, kid };
}

export type Suite = { server: TestServer; issuer: string; rsa: Keys; ec: Keys; expiredKey: Keys; stop: () => Promise<void> };

export async function startTokenSuite(db?: "pglite" | "postgres"): Promise<Suite> {
  const rsa = await newKey("RS256", "rsa-1");
  const ec = await newKey("ES256", "ec-1");
  const expiredKey = await newKey("RS256", "old-1");
  const grants = [{ resource: "api1", scopes: ["read"] }];
  const spec: SeedSpec = {
    parties: [
      { name: "api1", resource: { scopes: ["read", "write"] } },
      { name: "api2", resource: { scopes: ["read"], audience: "https://api2.example.com" } },
      {
        name: "basic-client",
        client: {
          authMethod: "client_secret_basic",
          secrets: [{ secret: SECRETS.basic }],
          grants: [{ resource: "api1", scopes: ["read", "write"] }, { resource: "api2", scopes: ["read"] }],
        },
      },
      { name: "post-client", client: { authMethod: "client_secret_post", secrets: [{ secret: SECRETS.post }], grants, lifetime: 300 } },
      {
        name: "jwt-client",
        client: {
          authMethod: "private_key_jwt",
          keys: [
            { kid: rsa.kid, jwk: rsa.publicJwk },
            { kid: ec.kid, jwk: ec.publicJwk },
            { kid: expiredKey.kid, jwk: expiredKey.publicJwk, notAfter: new Date(Date.now() - 86_400_000).toISOString() },
          ],
          grants,
        },
      },
      { name: "legacy-client", client: { authMethod: "private_key_jwt", keys: [{ kid: rsa.kid, jwk: rsa.publicJwk }], grants, allowLegacy: true } },
      { name: "disabled-client", client: { authMethod: "client_secret_post", secrets: [{ secret: SECRETS.disabled }], grants, enabled: false } },
      {
        name: "expired-client",
        client: {
          authMethod: "client_secret_post",
          secrets: [{ secret: SECRETS.expired, expiresAt: new Date(Date.now() - 1000).toISOString() }],
          grants,
        },
      },
    ],
  };
  const seeded = await seedDatabase(spec, db);
  const server = await startSeeded(seeded);
  return {
    server,
    issuer: `${server.url}/master/master/`,
    rsa,
    ec,
    expiredKey,
    stop: async () => {
      await server.stop();
      if (seeded.databaseUrl) await dropTestDatabase(seeded.databaseUrl);
      fs.rmSync(seeded.dataDir, { recursive: true, force: true });
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
