import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "../../support/control-api";
import { sharedServer } from "../../support/fennec";
import { basicHeader, postToken } from "../../support/token";
import { startTokenSuite, type Suite } from "../../support/token-suite";

// Introspection (RFC 7662) and revocation (RFC 7009) through HTTP, with oauth4webapi as the client
// library: who may see a token's details, every way a token is not active, what revocation may touch,
// and hostile input. The cross-instance case is in revocation.postgres.test.ts.

let s: Suite;
let as: oauth.AuthorizationServer;
let control: Awaited<ReturnType<typeof controlClient>>;
const insecure = { [oauth.allowInsecureRequests]: true };
const secrets: Record<string, string> = {};
const FORM = { "content-type": "application/x-www-form-urlencoded" };

beforeAll(async () => {
  s = await startTokenSuite();
  const { url, bootstrapClient } = sharedServer();
  control = await controlClient(url, bootstrapClient);
  const party = (body: unknown) => control.call("POST", `${s.tenant}/prod/parties`, body);
  // orders-api is a resource with a client side: it may introspect tokens meant for it
  await party({ name: "orders-api", resource: { scopes: ["read"] }, client: { auth_method: "client_secret_post", resource_scopes: [] } });
  await party({
    name: "shop",
    client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "orders-api", scopes: ["read"] }, { resource: "api1", scopes: ["read"] }] },
  });
  await party({ name: "other", client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
  for (const name of ["orders-api", "shop", "other"]) {
    secrets[name] = ((await control.call("POST", `${s.tenant}/prod/parties/${name}/secrets`, {})) as { secret: string }).secret;
  }
  const issuer = new URL(s.issuer);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oidc", ...insecure }));
});
afterAll(async () => s?.stop());

const post = (name: string) => oauth.ClientSecretPost(secrets[name] ?? s.secrets.post);

async function tokenFor(clientId: string, auth: oauth.ClientAuth, scope?: string): Promise<string> {
  const params = new URLSearchParams(scope ? { scope } : {});
  const r = await oauth.clientCredentialsGrantRequest(as, { client_id: clientId }, auth, params, insecure);
  return (await oauth.processClientCredentialsResponse(as, { client_id: clientId }, r)).access_token;
}

async function introspect(clientId: string, auth: oauth.ClientAuth, token: string, meta: oauth.AuthorizationServer = as) {
  const r = await oauth.introspectionRequest(meta, { client_id: clientId }, auth, token, insecure);
  expect(r.headers.get("cache-control")).toBe("no-store");
  return oauth.processIntrospectionResponse(meta, { client_id: clientId }, r);
}

async function revoke(clientId: string, auth: oauth.ClientAuth, token: string, extra?: Record<string, string>) {
  const r = await oauth.revocationRequest(as, { client_id: clientId }, auth, token, { ...insecure, additionalParameters: extra });
  return oauth.processRevocationResponse(r);
}

/** A raw form POST to one of the track's endpoints. */
const raw = (path: string, body: Record<string, string> | string, headers: Record<string, string> = {}) =>
  postToken(`${s.issuer}${path}`, body, headers);
const shopForm = () => ({ client_id: "shop", client_secret: secrets.shop });

describe("discovery", () => {
  it("advertises both endpoints with the token endpoint's authentication methods", async () => {
    expect(as.introspection_endpoint).toBe(`${s.issuer}oauth/introspect`);
    expect(as.revocation_endpoint).toBe(`${s.issuer}oauth/revoke`);
    const methods = ["client_secret_post", "client_secret_basic", "private_key_jwt"];
    expect(as.introspection_endpoint_auth_methods_supported).toEqual(methods);
    expect(as.revocation_endpoint_auth_methods_supported).toEqual(methods);
    expect(as.introspection_endpoint_auth_signing_alg_values_supported).toEqual(as.token_endpoint_auth_signing_alg_values_supported);
    expect(as.revocation_endpoint_auth_signing_alg_values_supported).toEqual(as.token_endpoint_auth_signing_alg_values_supported);
  });

  it("a party's discovery points at the party's endpoints", async () => {
    const doc = (await (await fetch(`${s.issuer}shop/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(doc.introspection_endpoint).toBe(`${s.issuer}shop/oauth/introspect`);
    expect(doc.revocation_endpoint).toBe(`${s.issuer}shop/oauth/revoke`);
  });
});

describe("introspection", () => {
  it("describes a client's own token, with each authentication method", async () => {
    const cases: [string, oauth.ClientAuth][] = [
      ["basic-client", oauth.ClientSecretBasic(s.secrets.basic)],
      ["post-client", oauth.ClientSecretPost(s.secrets.post)],
      ["jwt-client", oauth.PrivateKeyJwt({ key: s.rsa.privateKey, kid: s.rsa.kid })],
    ];
    for (const [id, auth] of cases) {
      const token = await tokenFor(id, auth, "api1:read");
      const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
      const r = await introspect(id, auth, token);
      expect(r).toEqual({
        active: true,
        scope: "api1:read",
        client_id: id,
        sub: id,
        aud: "api1",
        iss: s.issuer,
        exp: claims.exp,
        iat: claims.iat,
        nbf: claims.nbf,
        jti: claims.jti,
        token_type: "Bearer",
      });
      expect(r.exp! - r.iat!).toBe(id === "post-client" ? 300 : 3600);
    }
  });

  it("a token without scope (audience: the client itself) has no scope member", async () => {
    const token = await tokenFor("post-client", post("post-client"));
    const r = await introspect("post-client", post("post-client"), token);
    expect(r.active).toBe(true);
    expect(r.aud).toBe("post-client");
    expect(r).not.toHaveProperty("scope");
  });

  it("a resource with a client side sees the tokens meant for it; another client and a stranger resource do not", async () => {
    const token = await tokenFor("shop", post("shop"), "orders-api:read api1:read");
    const byApi = await introspect("orders-api", post("orders-api"), token);
    expect(byApi).toMatchObject({ active: true, client_id: "shop", aud: ["orders-api", "api1"], scope: "orders-api:read api1:read" });
    expect(await introspect("other", post("other"), token)).toEqual({ active: false });
    // orders-api does not see a token of shop that is not meant for it
    const api1Only = await tokenFor("shop", post("shop"), "api1:read");
    expect(await introspect("orders-api", post("orders-api"), api1Only)).toEqual({ active: false });
    expect((await introspect("shop", post("shop"), api1Only)).active).toBe(true);
  });

  it("the party path takes only its own client", async () => {
    const token = await tokenFor("shop", post("shop"), "api1:read");
    const meta = { ...as, introspection_endpoint: `${s.issuer}shop/oauth/introspect` };
    expect((await introspect("shop", post("shop"), token, meta)).active).toBe(true);
    const other = await raw("orders-api/oauth/introspect", { ...shopForm(), token });
    expect(other.status).toBe(401);
    expect(other.body.error).toBe("invalid_client");
  });

  it("answers {active: false} for every token that is not active", async () => {
    const good = await tokenFor("shop", post("shop"), "api1:read");
    const [h, p, sig] = good.split(".");
    const flipped = `${h}.${p}.${sig.slice(0, -4)}${sig.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    const otherPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p, "base64url").toString()), client_id: "other" })).toString("base64url");
    const noneAlg = `${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString("base64url")}.${p}.`;
    const cases: Record<string, string> = {
      "bad signature": flipped,
      "payload changed under the signature": `${h}.${otherPayload}.${sig}`,
      "alg none": noneAlg,
      unknown: "an-opaque-token-fennec-never-issued",
      malformed: "a.b.c",
      "not base64": "!!!.###.$$$",
      oversized: `${good}${"A".repeat(20_000)}`,
    };
    // a token from another tenant's track is not this track's (the issuer differs)
    const { bootstrapClient } = sharedServer();
    const foreign = await postToken(`${s.url}/master/master/oauth/token`, {
      grant_type: "client_credentials",
      client_id: bootstrapClient.id,
      client_secret: bootstrapClient.secret,
    });
    cases["another track's token"] = foreign.body.access_token as string;
    for (const [name, token] of Object.entries(cases)) {
      expect(await introspect("shop", post("shop"), token), name).toEqual({ active: false });
    }
  });

  it("token is required; token_type_hint is ignored; credentials and the token never in the URI", async () => {
    const token = await tokenFor("shop", post("shop"), "api1:read");
    const missing = await raw("oauth/introspect", shopForm());
    expect(missing.status).toBe(400);
    expect(missing.body.error).toBe("invalid_request");
    const hinted = await raw("oauth/introspect", { ...shopForm(), token, token_type_hint: "refresh_token_or_whatever" });
    expect(hinted.status).toBe(200);
    expect(hinted.body.active).toBe(true);
    const inQuery = await postToken(`${s.issuer}oauth/introspect?token=${token}`, shopForm());
    expect(inQuery.status).toBe(400);
    expect(inQuery.body.error).toBe("invalid_request");
  });

  it("client authentication fails exactly as at the token endpoint", async () => {
    const token = await tokenFor("shop", post("shop"), "api1:read");
    const cases: [Record<string, string>, Record<string, string>][] = [
      [{ token }, {}],
      [{ token, client_id: "shop", client_secret: "wrong" }, {}],
      [{ token, client_id: "nobody", client_secret: "x" }, {}],
      [{ token }, { authorization: basicHeader("jwt-client", "a-secret") }], // a private_key_jwt client never takes a secret
    ];
    for (const [body, headers] of cases) {
      for (const path of ["oauth/introspect", "oauth/revoke"]) {
        const r = await raw(path, body, headers);
        expect(r.status, `${path} ${JSON.stringify(body)}`).toBe(401);
        expect(r.body.error).toBe("invalid_client");
        if (Object.keys(body).length > 1) expect(r.body.error_description).toBe("client authentication failed");
        expect(r.headers.get("www-authenticate")).toBe(`Basic realm="${s.issuer}"`);
      }
    }
    expect((await introspect("shop", post("shop"), token)).active).toBe(true);
  });

  it("hostile requests are RFC 6749 errors, never a 500", async () => {
    const token = await tokenFor("shop", post("shop"), "api1:read");
    for (const path of ["oauth/introspect", "oauth/revoke"]) {
      const repeated = await raw(path, `client_id=shop&client_secret=${encodeURIComponent(secrets.shop)}&token=a&token=b`);
      expect(repeated.status).toBe(400);
      expect(repeated.body.error).toBe("invalid_request");
      const json = await postToken(`${s.issuer}${path}`, "{}", { "content-type": "application/json" });
      expect(json.status).toBe(400);
      const huge = await raw(path, { ...shopForm(), token: "x".repeat(70_000) });
      expect(huge.status).toBe(400);
      expect(huge.body.error).toBe("invalid_request");
      const get = await fetch(`${s.issuer}${path}`);
      expect(get.status).toBe(405);
      expect(get.headers.get("allow")).toBe("POST");
      const badUtf8 = await fetch(`${s.issuer}${path}`, { method: "POST", headers: FORM, body: Buffer.from([0x74, 0x6f, 0x6b, 0x65, 0x6e, 0x3d, 0xff]) });
      expect(badUtf8.status).toBe(400);
      const control = await raw(path, { ...shopForm(), token: `${token}\u0000\r\n` });
      expect(control.status).toBe(200);
      const unknownTrack = await postToken(`${s.url}/${s.tenant}/nope/${path}`, { ...shopForm(), token });
      expect(unknownTrack.status).toBe(404);
    }
  });
});

describe("revocation", () => {
  it("revokes the calling client's token: introspection calls it inactive, its other tokens stay active", async () => {
    const a = await tokenFor("shop", post("shop"), "orders-api:read");
    const b = await tokenFor("shop", post("shop"), "orders-api:read");
    expect((await introspect("orders-api", post("orders-api"), a)).active).toBe(true);
    await revoke("shop", post("shop"), a);
    expect(await introspect("shop", post("shop"), a)).toEqual({ active: false });
    expect(await introspect("orders-api", post("orders-api"), a)).toEqual({ active: false });
    expect((await introspect("shop", post("shop"), b)).active).toBe(true);
    // revoking twice is fine
    await revoke("shop", post("shop"), a);
  });

  it("answers 200 for unknown, malformed and inactive tokens; ignores an unknown token_type_hint", async () => {
    for (const token of ["nope", "a.b.c", "x".repeat(20_000)]) await revoke("shop", post("shop"), token);
    const t = await tokenFor("shop", post("shop"), "api1:read");
    await revoke("shop", post("shop"), t, { token_type_hint: "something_else" });
    expect(await introspect("shop", post("shop"), t)).toEqual({ active: false });
    const r = await raw("oauth/revoke", { ...shopForm(), token: "nope" });
    expect(r.status).toBe(200);
    expect(r.text).toBe("");
    expect(r.headers.get("cache-control")).toBe("no-store");
  });

  it("token is required", async () => {
    const r = await raw("oauth/revoke", shopForm());
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("invalid_request");
  });

  it("refuses another client's token and revokes nothing", async () => {
    const token = await tokenFor("shop", post("shop"), "orders-api:read");
    const r = await raw("oauth/revoke", { client_id: "orders-api", client_secret: secrets["orders-api"], token });
    expect(r.status).toBe(400);
    expect(r.body.error).toBe("unauthorized_client");
    expect((await introspect("shop", post("shop"), token)).active).toBe(true);
  });

  it("the Control API lists the client's revoked tokens; revoke-tokens makes every earlier token inactive", async () => {
    const revoked = await tokenFor("other", post("other"), "api1:read");
    await revoke("other", post("other"), revoked);
    const jti = JSON.parse(Buffer.from(revoked.split(".")[1], "base64url").toString()).jti;
    const list = await control.call("GET", `${s.tenant}/prod/parties/other/revoked-tokens`);
    expect(list.tokens_not_before).toBeNull();
    expect(list.data.map((r: { jti: string }) => r.jti)).toEqual([jti]);
    expect(new Date(list.data[0].expires_at).getTime()).toBeGreaterThan(Date.now());

    const before = await tokenFor("other", post("other"), "api1:read");
    const shopToken = await tokenFor("shop", post("shop"), "api1:read");
    const r = await control.call("POST", `${s.tenant}/prod/parties/other/revoke-tokens`);
    expect(Date.parse(r.tokens_not_before)).toBeLessThanOrEqual(Date.now());
    expect(await introspect("other", post("other"), before)).toEqual({ active: false });
    expect((await introspect("shop", post("shop"), shopToken)).active).toBe(true);
    // iat has second precision: a token from the cutoff's own second counts as before it
    await new Promise((res) => setTimeout(res, 1100 - (Date.parse(r.tokens_not_before) % 1000)));
    const after = await tokenFor("other", post("other"), "api1:read");
    expect((await introspect("other", post("other"), after)).active).toBe(true);
    expect((await control.call("GET", `${s.tenant}/prod/parties/other/revoked-tokens`)).tokens_not_before).toBe(r.tokens_not_before);
  });

  it("revoke-tokens on a party without a client side is a conflict; the list pages", async () => {
    const res = await fetch(`${s.url}/api/control/${s.tenant}/prod/parties/api1/revoke-tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${control.token}` },
    });
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const bad = await fetch(`${s.url}/api/control/${s.tenant}/prod/parties/shop/revoked-tokens?cursor=zz`, {
      headers: { authorization: `Bearer ${control.token}` },
    });
    expect(bad.status).toBe(422);
    for (let i = 0; i < 3; i++) await revoke("shop", post("shop"), await tokenFor("shop", post("shop"), "api1:read"));
    const first = await control.call("GET", `${s.tenant}/prod/parties/shop/revoked-tokens?page_size=2`);
    expect(first.data).toHaveLength(2);
    const second = await control.call("GET", `${s.tenant}/prod/parties/shop/revoked-tokens?page_size=2&cursor=${first.next_cursor}`);
    expect(second.data.length).toBeGreaterThanOrEqual(1);
    expect(second.data.map((d: { jti: string }) => d.jti)).not.toContain(first.data[0].jti);
  });
});
