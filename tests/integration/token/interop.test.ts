import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, generateKeyPair, jwtVerify, SignJWT, type JWTHeaderParameters } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapToken } from "../../support/fennec";
import { startTokenSuite, type Suite } from "../../support/token-suite";

// Real client libraries against a real server: oauth4webapi discovers and requests tokens with each of
// the three client authentication methods; jose verifies them with the published JWKS. The track signs
// with ES256 here (errors.test.ts uses the RS256 default).

let s: Suite;
let as: oauth.AuthorizationServer;
const insecure = { [oauth.allowInsecureRequests]: true };

beforeAll(async () => {
  s = await startTokenSuite("ES256");
  const issuer = new URL(s.issuer);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...insecure }));
});
afterAll(async () => s?.stop());

async function grant(clientId: string, auth: oauth.ClientAuth, scope?: string, endpoint?: string) {
  const meta = endpoint ? { ...as, token_endpoint: endpoint } : as;
  const params = new URLSearchParams(scope ? { scope } : {});
  const response = await oauth.clientCredentialsGrantRequest(meta, { client_id: clientId }, auth, params, insecure);
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("pragma")).toBe("no-cache");
  return oauth.processClientCredentialsResponse(meta, { client_id: clientId }, response);
}

async function verify(token: string, audience: string) {
  const jwks = createRemoteJWKSet(new URL(as.jwks_uri!));
  return jwtVerify(token, jwks, { issuer: s.issuer, audience, typ: "at+jwt" });
}

describe("discovery", () => {
  it("OpenID-style discovery from the issuer is accepted by oauth4webapi", () => {
    expect(as.issuer).toBe(s.issuer);
    expect(as.token_endpoint).toBe(`${s.issuer}oauth/token`);
    expect(as.grant_types_supported).toEqual(["client_credentials"]);
    expect(as.token_endpoint_auth_methods_supported).toEqual(["client_secret_post", "client_secret_basic", "private_key_jwt"]);
    expect(as.scopes_supported).toEqual(["api1:read", "api1:write", "api2:read"]);
  });

  it("RFC 8414 metadata at its well-known path, with and without the trailing slash", async () => {
    const issuer = new URL(s.issuer);
    const rfc8414 = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }));
    expect(rfc8414.issuer).toBe(s.issuer);
    for (const path of [`/.well-known/oauth-authorization-server/${s.tenant}/prod/`, `/.well-known/oauth-authorization-server/${s.tenant}/prod`]) {
      const r = await fetch(`${s.url}${path}`, { redirect: "manual" });
      expect(r.status).toBe(200);
      expect(((await r.json()) as { issuer: string }).issuer).toBe(s.issuer);
    }
  });

  it("party discovery points at the party's token endpoint; paths are case-insensitive", async () => {
    const r = await fetch(`${s.url}/${s.tenant.toUpperCase()}/Prod/Basic-Client/.well-known/openid-configuration`);
    expect(r.status).toBe(200);
    const doc = (await r.json()) as Record<string, string>;
    expect(doc.issuer).toBe(s.issuer);
    expect(doc.token_endpoint).toBe(`${s.issuer}basic-client/oauth/token`);
    expect(doc.jwks_uri).toBe(`${s.issuer}basic-client/.well-known/openid-configuration/keys`);
  });

  it("discovery and JWKS are cacheable for 5 minutes and answer If-None-Match with 304", async () => {
    for (const url of [`${s.issuer}.well-known/openid-configuration`, as.jwks_uri!]) {
      const r = await fetch(url);
      expect(r.status).toBe(200);
      expect(r.headers.get("cache-control")).toBe("public, max-age=300");
      const etag = r.headers.get("etag")!;
      expect(etag).toBeTruthy();
      const again = await fetch(url, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe("");
      const other = await fetch(url, { headers: { "if-none-match": '"something-else"' } });
      expect(other.status).toBe(200);
    }
  });

  it("JWKS publishes public keys only, with kid, use and alg", async () => {
    const { keys } = (await (await fetch(as.jwks_uri!)).json()) as { keys: Record<string, unknown>[] };
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const k of keys) {
      expect(k.kid).toBeTruthy();
      expect(k.use).toBe("sig");
      expect(k.alg).toBe("ES256");
      expect(k.kty).toBe("EC");
      for (const priv of ["d", "p", "q", "dp", "dq", "qi"]) expect(k).not.toHaveProperty(priv);
    }
  });

  it("unknown tenant or track is a JSON 404; other methods are 405 with Allow", async () => {
    const r = await fetch(`${s.url}/nosuch/prod/.well-known/openid-configuration`);
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: string }).error).toBeTruthy();
    const t = await fetch(`${s.url}/${s.tenant}/nosuch/oauth/token`, { method: "POST" });
    expect(t.status).toBe(404);
    const m = await fetch(`${s.issuer}oauth/token`);
    expect(m.status).toBe(405);
    expect(m.headers.get("allow")).toBe("POST");
    const d = await fetch(as.jwks_uri!, { method: "POST" });
    expect(d.status).toBe(405);
    expect(d.headers.get("allow")).toContain("GET");
  });
});

describe("client credentials with oauth4webapi", () => {
  it("client_secret_basic (secret with characters that need form-url-encoding)", async () => {
    const r = await grant("basic-client", oauth.ClientSecretBasic(s.secrets.basic), "api1:read api1:write");
    expect(r.token_type).toBe("bearer");
    expect(r.expires_in).toBe(3600);
    expect(r.scope).toBe("api1:read api1:write");
    const { payload, protectedHeader } = await verify(r.access_token, "api1");
    expect(protectedHeader.typ).toBe("at+jwt");
    expect(protectedHeader.kid).toBeTruthy();
    expect(payload).toMatchObject({ iss: s.issuer, sub: "basic-client", client_id: "basic-client", aud: "api1", scope: "api1:read api1:write" });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.nbf).toBe(payload.iat);
    expect(typeof payload.jti).toBe("string");
  });

  it("client_secret_post, with the client's own lifetime and claim transforms", async () => {
    const r = await grant("post-client", oauth.ClientSecretPost(s.secrets.post), "api1:read");
    expect(r.expires_in).toBe(300);
    const { payload } = await verify(r.access_token, "api1");
    expect(payload.exp! - payload.iat!).toBe(300);
    expect(payload.scope).toBe("api1:read");
    expect(payload.role).toBe("reader");
    expect(payload.label).toBe("post-client@api1");
  });

  it("private_key_jwt with RS256 and ES256 keys (aud = issuer, as oauth4webapi sends it)", async () => {
    for (const key of [s.rsa, s.ec]) {
      const r = await grant("jwt-client", oauth.PrivateKeyJwt({ key: key.privateKey, kid: key.kid }), "api1:read");
      const { payload } = await verify(r.access_token, "api1");
      expect(payload.client_id).toBe("jwt-client");
    }
  });

  it("the party token endpoint serves its own client, with paths in any case", async () => {
    const r = await grant("basic-client", oauth.ClientSecretBasic(s.secrets.basic), "api1:read", `${s.url}/${s.tenant.toUpperCase()}/PROD/Basic-Client/oauth/token`);
    const { payload } = await verify(r.access_token, "api1");
    expect(payload.sub).toBe("basic-client");
  });

  it("several resources: aud is an array of their audiences; resource narrows it (RFC 8707)", async () => {
    const both = await grant("basic-client", oauth.ClientSecretBasic(s.secrets.basic), "api1:read api2:read");
    const { payload } = await verify(both.access_token, "https://api2.example.com");
    expect(payload.aud).toEqual(["api1", "https://api2.example.com"]);

    const params = new URLSearchParams({ scope: "api1:read api2:read", resource: "https://api2.example.com" });
    const response = await oauth.clientCredentialsGrantRequest(as, { client_id: "basic-client" }, oauth.ClientSecretBasic(s.secrets.basic), params, insecure);
    const narrowed = await oauth.processClientCredentialsResponse(as, { client_id: "basic-client" }, response);
    const n = await verify(narrowed.access_token, "https://api2.example.com");
    expect(n.payload.aud).toBe("https://api2.example.com");
    expect(n.payload.scope).toBe("api2:read");
  });

  it("no scope: the audience is the client itself and there is no scope claim", async () => {
    const r = await grant("post-client", oauth.ClientSecretPost(s.secrets.post));
    expect(r.scope).toBeUndefined();
    const { payload } = await verify(r.access_token, "post-client");
    expect(payload.aud).toBe("post-client");
    expect(payload).not.toHaveProperty("scope");
  });

  it("a token is signed by a key in the track's JWKS", async () => {
    const r = await grant("post-client", oauth.ClientSecretPost(s.secrets.post), "api1:read");
    const { kid, alg } = decodeProtectedHeader(r.access_token);
    const { keys } = (await (await fetch(as.jwks_uri!)).json()) as { keys: { kid: string; alg: string }[] };
    expect(keys.find((k) => k.kid === kid)?.alg).toBe(alg);
  });

  it("verifyAccessToken (the Control API's bearer check) refuses tokens meant for another audience or issuer", async () => {
    const apiToken = (await grant("post-client", oauth.ClientSecretPost(s.secrets.post), "api1:read")).access_token;
    const r = await fetch(`${s.url}/api/control/tenants`, { headers: { authorization: `Bearer ${apiToken}` } });
    expect(r.status).toBe(401);
  });

  it("the Control API refuses a token that passes every check but its signature", async () => {
    const tenants = (token: string) => fetch(`${s.url}/api/control/tenants`, { headers: { authorization: `Bearer ${token}` } });
    const real = await bootstrapToken("control_api:master");
    expect((await tenants(real)).status).toBe(200);
    // the same header (kid, alg, typ) and claims (issuer, audience, scope, times), signed by another key
    const header = decodeProtectedHeader(real);
    const { privateKey } = await generateKeyPair(header.alg!);
    const forged = await new SignJWT(decodeJwt(real)).setProtectedHeader(header as JWTHeaderParameters).sign(privateKey);
    const r = await tenants(forged);
    expect(r.status).toBe(401);
    expect(((await r.json()) as { detail: string }).detail).toBe("The access token is not accepted: token signature is not valid.");
  });
});
