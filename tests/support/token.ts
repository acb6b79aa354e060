/* eslint-disable @typescript-eslint/no-explicit-any -- response bodies are checked by assertions; loose types keep the tests readable */
import type { KeyObject } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from "jose";

export type TokenResponse = { status: number; headers: Headers; body: Record<string, any>; text: string };

/** One request to a token endpoint: a form (or a raw body string), its answer parsed when it is JSON. */
export async function postToken(url: string, form: Record<string, string> | string, headers: Record<string, string> = {}): Promise<TokenResponse> {
  const r = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
    body: typeof form === "string" ? form : new URLSearchParams(form),
  });
  const text = await r.text();
  let body: Record<string, any> = {};
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: r.status, headers: r.headers, body, text };
}

/** A client-credentials access token (client_secret_post), or an error naming what the server said. */
export async function clientCredentialsToken(
  tokenUrl: string,
  client: { id: string; secret: string },
  scope: string,
): Promise<string> {
  const r = await postToken(tokenUrl, { grant_type: "client_credentials", client_id: client.id, client_secret: client.secret, scope });
  if (r.status !== 200) throw new Error(`token for ${client.id}: ${r.status} ${r.text}`);
  return r.body.access_token as string;
}

/** RFC 6749 §2.3.1: id and secret form-urlencoded before they are joined and base64-encoded. */
export const basicHeader = (id: string, secret: string) => {
  const enc = (s: string) => encodeURIComponent(s).replace(/%20/g, "+");
  return `Basic ${Buffer.from(`${enc(id)}:${enc(secret)}`).toString("base64")}`;
};

export function decodePayload(jwt: string): Record<string, any> {
  return JSON.parse(Buffer.from(jwt.split(".")[1], "base64url").toString("utf8"));
}

export type Keys = { privateKey: CryptoKey; publicJwk: JWK; kid: string };

export async function newKey(alg: "RS256" | "ES256" | "EdDSA" | "Ed25519" = "RS256", kid = `k-${alg}-${Math.random().toString(36).slice(2)}`): Promise<Keys> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid }, kid };
}

export type AssertionOptions = {
  key: CryptoKey | KeyObject;
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
