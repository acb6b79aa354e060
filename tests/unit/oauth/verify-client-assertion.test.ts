import { exportJWK, exportSPKI, generateKeyPair, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientSnapshot } from "@/lib/oauth/client-cache";
import { CLIENT_AUTH_FAILED, OAuthError } from "@/lib/oauth/errors";
import { verifyClientAssertion } from "@/lib/oauth/verify-client-assertion";

// Refusals that happen before the jti is recorded (the database part is covered by the integration
// tests): keys outside their validity, algorithms, typ, audience, lifetime, required claims.

const ISSUER = "https://id.example/acme/prod/";
const TOKEN_ENDPOINT = `${ISSUER}oauth/token`;
const DAY = 86_400_000;
let key: CryptoKey;
let client: ClientSnapshot;
let pem: string;

beforeAll(async () => {
  const pair = await generateKeyPair("RS256", { extractable: true });
  key = pair.privateKey as CryptoKey;
  pem = await exportSPKI(pair.publicKey);
  client = {
    partyId: "p1",
    trackId: "t1",
    name: "svc",
    authMethod: "private_key_jwt",
    accessTokenLifetime: 3600,
    allowLegacyAssertionAudience: false,
    strictAuthMethod: true,
    clientCredentialsEnabled: true,
    tokensNotBefore: null,
    createdAt: 0,
    ownAudience: null,
    claimTransforms: [],
    grants: [],
    secrets: [],
    keys: [{ kid: "k1", jwk: { ...(await exportJWK(pair.publicKey)), kid: "k1" }, notBefore: null, notAfter: null }],
  };
});

const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: Record<string, unknown> = {}, header: Record<string, unknown> = {}) =>
  new SignJWT({ iss: "svc", sub: "svc", aud: ISSUER, iat: now(), exp: now() + 60, jti: crypto.randomUUID(), ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "k1", ...header })
    .sign(key);

async function refusal(assertion: string, c: ClientSnapshot = client): Promise<string> {
  try {
    await verifyClientAssertion(c, assertion, { issuer: ISSUER });
  } catch (e) {
    expect(e).toBeInstanceOf(OAuthError);
    expect((e as OAuthError).error).toBe("invalid_client");
    return (e as OAuthError).description;
  }
  throw new Error("the assertion was accepted");
}

describe("verifyClientAssertion refuses", () => {
  it("a key past its notAfter or before its notBefore", async () => {
    const expired = { ...client, keys: [{ ...client.keys[0], notAfter: Date.now() - DAY }] };
    const future = { ...client, keys: [{ ...client.keys[0], notBefore: Date.now() + DAY }] };
    // what depends on the client's keys gets the one generic answer an unknown client gets too
    expect(await refusal(await sign(), expired)).toBe(CLIENT_AUTH_FAILED);
    expect(await refusal(await sign(), future)).toBe(CLIENT_AUTH_FAILED);
  });

  it("an unknown client", async () => {
    await expect(verifyClientAssertion(null, await sign(), { issuer: ISSUER })).rejects.toBeInstanceOf(OAuthError);
  });

  it("alg none and HS256 made with the public key", async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const none = `${enc({ alg: "none", kid: "k1" })}.${enc({ iss: "svc", sub: "svc", aud: ISSUER, exp: now() + 60, jti: "x" })}.`;
    expect(await refusal(none)).toMatch(/asymmetric/);
    const hs = await new SignJWT({ iss: "svc", sub: "svc", aud: ISSUER, exp: now() + 60, jti: "y" })
      .setProtectedHeader({ alg: "HS256", kid: "k1" })
      .sign(new TextEncoder().encode(pem));
    expect(await refusal(hs)).toMatch(/asymmetric/);
  });

  it("an explicit typ other than JWT or client-authentication+jwt", async () => {
    expect(await refusal(await sign({}, { typ: "at+jwt" }))).toMatch(/typ/);
    expect(await refusal(await sign({}, { typ: "dpop+jwt" }))).toMatch(/typ/);
  });

  it("any audience but the issuer alone; the token endpoint only with the legacy switch", async () => {
    for (const aud of [TOKEN_ENDPOINT, [ISSUER, ISSUER], [ISSUER, "x"], "https://id.example/acme/prod", []]) {
      expect(await refusal(await sign({ aud }))).toMatch(/audience/);
    }
    expect(await refusal(await sign({ aud: `${ISSUER}svc/oauth/token` }))).toMatch(/audience/);
  });

  it("a lifetime over 5 minutes, a future iat, an expired assertion", async () => {
    expect(await refusal(await sign({ exp: now() + 3600 }))).toMatch(/5 minutes/);
    expect(await refusal(await sign({ iat: now() + 120 }))).toMatch(/future/);
    expect(await refusal(await sign({ iat: now() - 600, exp: now() - 300 }))).toMatch(/expired/);
  });

  it("missing exp, jti or aud; iss or sub other than the client", async () => {
    for (const c of [{ exp: undefined }, { jti: undefined }, { aud: undefined }, { sub: "other" }, { iss: "other" }]) {
      await refusal(await sign(c));
    }
  });
});
