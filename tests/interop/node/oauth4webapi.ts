// oauth4webapi gets a token with any of the three client authentication methods; jose checks it in an API.
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";

// http:// is allowed only for a local test server; production issuers are https://
const options = (issuer: URL) => (issuer.protocol === "http:" ? { [oauth.allowInsecureRequests]: true } : {});

/** issuer: e.g. https://id.example.com/acme/prod/ (with the slash); auth: one of the three below. */
export async function getToken(issuer: URL, clientId: string, auth: oauth.ClientAuth, scope: string) {
  const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...options(issuer) }));
  const client = { client_id: clientId };
  const response = await oauth.clientCredentialsGrantRequest(as, client, auth, new URLSearchParams({ scope }), options(issuer));
  return oauth.processClientCredentialsResponse(as, client, response);
}
// oauth.ClientSecretBasic(secret), oauth.ClientSecretPost(secret),
// oauth.PrivateKeyJwt({ key: privateKey, kid }) (aud = the issuer, as Fennec wants it)

const jwks = new Map<string, ReturnType<typeof createRemoteJWKSet>>();

/** In the API: createRemoteJWKSet caches the keys and refetches at once on an unknown kid. */
export async function verifyToken(issuer: URL, token: string, audience: string) {
  const keys = `${issuer.href}.well-known/openid-configuration/keys`;
  if (!jwks.has(keys)) jwks.set(keys, createRemoteJWKSet(new URL(keys)));
  const { payload } = await jwtVerify(token, jwks.get(keys)!, { issuer: issuer.href, audience, typ: "at+jwt" });
  return payload;
}
