import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedServer } from "../../support/fennec";
import { assertion, JWT_BEARER, newKey, postToken } from "../../support/token";
import { startTokenSuite, type Suite } from "../../support/token-suite";
import { controlClient } from "../../support/control-api";

// RFC 9864's fully specified Ed25519 next to RFC 8037's polymorphic EdDSA: advertised for client
// assertions, accepted as a track signing algorithm (same key type, the JWS alg says "Ed25519").

let s: Suite;

beforeAll(async () => {
  s = await startTokenSuite("Ed25519");
});
afterAll(async () => s?.stop());

describe("Ed25519 (RFC 9864)", () => {
  it("discovery advertises Ed25519 and EdDSA for client assertions, and the track's Ed25519 for tokens", async () => {
    const doc = (await (await fetch(`${s.issuer}.well-known/openid-configuration`)).json()) as Record<string, string[]>;
    expect(doc.token_endpoint_auth_signing_alg_values_supported).toEqual(expect.arrayContaining(["EdDSA", "Ed25519", "RS256", "ES256"]));
    expect(doc.access_token_signing_alg_values_supported).toEqual(["Ed25519"]);
  });

  it("a track created with Ed25519 publishes an OKP key with alg Ed25519 and signs with it", async () => {
    const { keys } = (await (await fetch(`${s.issuer}.well-known/openid-configuration/keys`)).json()) as { keys: Record<string, string>[] };
    expect(keys[0]).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "Ed25519", use: "sig" });
    const r = await postToken(`${s.issuer}oauth/token`, { grant_type: "client_credentials", client_id: "post-client", client_secret: s.secrets.post, scope: "api1:read" });
    expect(r.status, r.text).toBe(200);
    const token = r.body.access_token as string;
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "Ed25519", kid: keys[0].kid, typ: "at+jwt" });
    const jwks = createRemoteJWKSet(new URL(`${s.issuer}.well-known/openid-configuration/keys`));
    const { payload } = await jwtVerify(token, jwks, { issuer: s.issuer, audience: "api1", algorithms: ["Ed25519"] });
    expect(payload.client_id).toBe("post-client");
  });

  it("a client assertion signed as Ed25519 (and as EdDSA) with a registered Ed25519 key is accepted", async () => {
    const { url, bootstrapClient } = sharedServer();
    const control = await controlClient(url, bootstrapClient);
    const key = await newKey("Ed25519", "ed-1");
    await control.call("POST", `${s.tenant}/prod/parties/jwt-client/keys`, { jwk: key.publicJwk });
    for (const alg of ["Ed25519", "EdDSA"]) {
      const a = await assertion("jwt-client", s.issuer, { key: key.privateKey, alg, kid: key.kid });
      const r = await postToken(`${s.issuer}oauth/token`, { grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: a });
      expect(r.status, `${alg}: ${r.text}`).toBe(200);
    }
  });

  it("the Control API names the track's algorithm Ed25519 and refuses names it does not know", async () => {
    const { url, bootstrapClient } = sharedServer();
    const control = await controlClient(url, bootstrapClient);
    const track = (await control.call("GET", `${s.tenant}/tracks/prod`)) as { signing_algorithm: string };
    expect(track.signing_algorithm).toBe("Ed25519");
    await expect(control.call("PATCH", `${s.tenant}/tracks/prod`, { signing_algorithm: "Ed448" })).rejects.toThrow(/422/);
  });
});
