import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makePfx } from "../../support/client-keys";
import { controlClient } from "../../support/control-api";
import { api, sharedServer } from "../../support/fennec";
import { assertion, basicHeader, decodePayload, JWT_BEARER, newKey, postToken, type TokenResponse } from "../../support/token";

// What a deletion through the Control API takes away on the token routes, on the instance that made it
// and at once (the writing instance applies its own change before it answers): a deleted client's
// secrets and keys, a deleted resource as an audience, a deleted client key, and a deleted track's or
// tenant's protocol endpoints in both URL layouts. Every client is warm first (tokens issued, secret
// matches and snapshots cached), so a stale cache would show. Other instances: deletion.postgres.test.ts.

let control: Awaited<ReturnType<typeof controlClient>>;
const tenant = `del-${randomBytes(4).toString("hex")}`;
const base = `${tenant}/prod`;
let issuer: string;
let tokenUrl: string;
const secrets: Record<string, string> = {};

const cc = { grant_type: "client_credentials" };
const party = (body: unknown) => control.call("POST", `${base}/parties`, body);
const newSecret = async (name: string) => ((await control.call("POST", `${base}/parties/${name}/secrets`, {})) as { secret: string }).secret;
const post = (name: string, extra: Record<string, string> = {}) => postToken(tokenUrl, { ...cc, client_id: name, client_secret: secrets[name], ...extra });
const introspect = (caller: string, token: string) =>
  postToken(`${issuer}oauth/introspect`, { client_id: caller, client_secret: secrets[caller], token });

function expectRefused(r: TokenResponse, error: string, status: number) {
  expect(r.status, r.text).toBe(status);
  expect(r.body.error).toBe(error);
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
}

beforeAll(async () => {
  const { url, bootstrapClient } = sharedServer();
  control = await controlClient(url, bootstrapClient);
  await control.call("POST", "tenants", { name: tenant });
  await control.call("POST", `${tenant}/tracks`, { name: "prod" });
  issuer = `${url}/${base}/`;
  tokenUrl = `${issuer}oauth/token`;
  await party({ name: "api1", resource: { scopes: ["read"] } });
  await party({ name: "api2", resource: { scopes: ["read"], audience: "https://api2.example.com" } });
  // a resource with a client side: it may introspect the tokens meant for it
  await party({ name: "orders-api", resource: { scopes: ["read"] }, client: { auth_method: "client_secret_post", resource_scopes: [] } });
  const grants = [
    { resource: "api1", scopes: ["read"] },
    { resource: "api2", scopes: ["read"] },
    { resource: "orders-api", scopes: ["read"] },
  ];
  for (const name of ["gone", "shop"]) await party({ name, client: { auth_method: "client_secret_post", resource_scopes: grants } });
  await party({ name: "gone-jwt", client: { auth_method: "private_key_jwt", resource_scopes: grants } });
  await party({ name: "batch", client: { auth_method: "private_key_jwt", resource_scopes: grants } });
  for (const name of ["gone", "shop", "orders-api"]) secrets[name] = await newSecret(name);
});
afterAll(async () => {
  await control?.call("DELETE", `tenants/${tenant}`).catch(() => {});
});

describe("a deleted client", () => {
  it("is refused at once with invalid_client, by secret in either form and on its party path", async () => {
    const earlier = await post("gone", { scope: "orders-api:read" });
    expect(earlier.status, earlier.text).toBe(200);
    expect((await post("gone")).status).toBe(200); // warm: the secret's match is cached
    expect((await introspect("orders-api", earlier.body.access_token)).body).toMatchObject({ active: true, client_id: "gone" });

    expect((await api(`/${base}/parties/gone`, { method: "DELETE", token: control.token })).status).toBe(204);

    expectRefused(await post("gone"), "invalid_client", 401);
    expectRefused(await postToken(tokenUrl, cc, { authorization: basicHeader("gone", secrets.gone) }), "invalid_client", 401);
    expectRefused(await postToken(`${issuer}gone/oauth/token`, { ...cc, client_id: "gone", client_secret: secrets.gone }), "invalid_client", 401);
    // the product's decision (README "Introspection"): a token is active only while its client exists
    const after = await introspect("orders-api", earlier.body.access_token);
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ active: false });
    // and it cannot introspect or revoke its own tokens any more
    expectRefused(await introspect("gone", earlier.body.access_token), "invalid_client", 401);
    expect((await api(`/${base}/parties/gone`, { token: control.token })).status).toBe(404);
  });

  it("a token issued before the deletion stays inactive when a client of the same name is created again", async () => {
    await party({ name: "reborn", client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] } });
    secrets.reborn = await newSecret("reborn");
    const old = await post("reborn", { scope: "orders-api:read" });
    expect(old.status, old.text).toBe(200);
    await control.call("DELETE", `${base}/parties/reborn`);
    // created 6 s after the old token's iat: beyond the 5 s allowed between instances' clocks
    const iat = decodePayload(old.body.access_token).iat as number;
    await new Promise((r) => setTimeout(r, (iat + 6) * 1000 - Date.now() + 20));
    await party({ name: "reborn", client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] } });
    secrets.reborn = await newSecret("reborn");
    expect((await introspect("orders-api", old.body.access_token)).body).toEqual({ active: false });
    const fresh = await post("reborn", { scope: "orders-api:read" });
    expect(fresh.status, fresh.text).toBe(200);
    expect((await introspect("orders-api", fresh.body.access_token)).body).toMatchObject({ active: true, client_id: "reborn" });
  });

  it("nor when another party is renamed to its name", async () => {
    await party({ name: "renamed-away", client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] } });
    secrets["renamed-away"] = await newSecret("renamed-away");
    const old = await post("renamed-away", { scope: "orders-api:read" });
    expect(old.status, old.text).toBe(200);
    await control.call("DELETE", `${base}/parties/renamed-away`);
    const client = { auth_method: "client_secret_post", resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] };
    await party({ name: "successor", client });
    const put = await api(`/${base}/parties/successor`, { method: "PUT", token: control.token, body: { name: "renamed-away", client } });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect((await introspect("orders-api", old.body.access_token)).body).toEqual({ active: false });
  });

  it("a deleted Control API client's token is refused by the Control API at once, as is a revoked one's", async () => {
    const { url } = sharedServer();
    const automation = async (name: string) => {
      const created = (await control.call("POST", `${tenant}/master/parties`, {
        name,
        client: { resource_scopes: [{ resource: "control_api", scopes: ["tenant"] }] },
      })) as { secret: string };
      const t = await postToken(`${url}/${tenant}/master/oauth/token`, { ...cc, client_id: name, client_secret: created.secret, scope: "control_api:tenant" });
      expect(t.status, t.text).toBe(200);
      const token = t.body.access_token as string;
      expect((await api(`/${tenant}/tracks`, { token })).status).toBe(200);
      return token;
    };
    const expectUnauthorized = async (token: string) => {
      const r = await api(`/${tenant}/tracks`, { token });
      expect(r.status, JSON.stringify(r.body)).toBe(401);
      expect(r.headers.get("www-authenticate")).toMatch(/error="invalid_token"/);
    };

    const deleted = await automation("automation");
    await control.call("DELETE", `${tenant}/master/parties/automation`);
    await expectUnauthorized(deleted);

    const revoked = await automation("automation-2");
    // "revoke all tokens issued before now" counts the cutoff's own second as before it
    await control.call("POST", `${tenant}/master/parties/automation-2/revoke-tokens`);
    await expectUnauthorized(revoked);
  });

  it("its keys are refused at once: a new assertion signed with its key is invalid_client", async () => {
    const key = await newKey("ES256", "gone-es");
    await control.call("POST", `${base}/parties/gone-jwt/keys`, { jwk: key.publicJwk });
    const signed = () => assertion("gone-jwt", issuer, { key: key.privateKey, alg: "ES256", kid: key.kid });
    const form = async () => ({ ...cc, client_assertion_type: JWT_BEARER, client_assertion: await signed() });
    for (let i = 0; i < 2; i++) expect((await postToken(tokenUrl, await form())).status).toBe(200);

    await control.call("DELETE", `${base}/parties/gone-jwt`);

    expectRefused(await postToken(tokenUrl, await form()), "invalid_client", 401);
  });
});

describe("a deleted resource", () => {
  it("is no longer an audience: its scopes are invalid_scope and its audience URI invalid_target, at once", async () => {
    const before = await post("shop", { scope: "api2:read" });
    expect(before.status, before.text).toBe(200);
    expect((await post("shop", { scope: "api1:read api2:read", resource: "https://api2.example.com" })).status).toBe(200);

    await control.call("DELETE", `${base}/parties/api2`);

    expectRefused(await post("shop", { scope: "api2:read" }), "invalid_scope", 400);
    expectRefused(await post("shop", { scope: "api1:read api2:read" }), "invalid_scope", 400);
    expectRefused(await post("shop", { scope: "api1:read", resource: "https://api2.example.com" }), "invalid_target", 400);
    const other = await post("shop", { scope: "api1:read" });
    expect(other.status, other.text).toBe(200);
    expect(other.body.scope).toBe("api1:read");
    // a token issued before stays active for its client: deleting a resource revokes nothing (README)
    expect((await introspect("shop", before.body.access_token)).body).toMatchObject({ active: true, aud: "https://api2.example.com" });
  });
});

describe("a deleted client key", () => {
  it("a certificate uploaded as a pfx signs assertions until it is deleted; then invalid_client, the other key still works", async () => {
    const upload = async (cn: string) => {
      const p = makePfx("pfx-pass", cn);
      const form = new FormData();
      form.set("file", new Blob([new Uint8Array(p.pfx)]), `${cn}.pfx`);
      form.set("password", "pfx-pass");
      const r = await api(`/${base}/parties/batch/keys`, { method: "POST", token: control.token, body: form });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return { kid: r.body.kid as string, privateKey: p.privateKey };
    };
    const doomed = await upload("batch-doomed");
    const kept = await upload("batch-kept");
    const request = async (k: typeof doomed, withKid = true) =>
      postToken(tokenUrl, {
        ...cc,
        client_assertion_type: JWT_BEARER,
        client_assertion: await assertion("batch", issuer, { key: k.privateKey, kid: withKid ? k.kid : undefined, jti: randomUUID() }),
        scope: "api1:read",
      });
    for (let i = 0; i < 2; i++) expect((await request(doomed)).status).toBe(200);
    expect((await request(doomed, false)).status).toBe(200);

    const del = await api(`/${base}/parties/batch/keys/${encodeURIComponent(doomed.kid)}`, { method: "DELETE", token: control.token });
    expect(del.status).toBe(204);

    expectRefused(await request(doomed), "invalid_client", 401);
    expectRefused(await request(doomed, false), "invalid_client", 401);
    expect((await request(kept)).status).toBe(200);
  });
});

describe("a deleted track or tenant", () => {
  const protocolPaths = (t: string, tr: string, p: string) => ({
    get: [
      `/${t}/${tr}/.well-known/openid-configuration`,
      `/${t}/${tr}/${p}/.well-known/openid-configuration`,
      `/.well-known/oauth-authorization-server/${t}/${tr}`,
      `/.well-known/oauth-authorization-server/${t}/${tr}/`,
      `/${t}/${tr}/.well-known/openid-configuration/keys`,
      `/${t}/${tr}/${p}/.well-known/openid-configuration/keys`,
    ],
    post: [`/${t}/${tr}/oauth/token`, `/${t}/${tr}/${p}/oauth/token`, `/${t}/${tr}/oauth/introspect`, `/${t}/${tr}/${p}/oauth/revoke`],
  });

  /** A track with a warm client: every protocol path answered once, so that the caches hold it. */
  async function warmTrack(t: string, tr: string) {
    await control.call("POST", `${t}/tracks`, { name: tr });
    const secret = ((await control.call("POST", `${t}/${tr}/parties`, { name: "svc", client: {} })) as { secret: string }).secret;
    const { url } = sharedServer();
    const paths = protocolPaths(t, tr, "svc");
    const form = { ...cc, client_id: "svc", client_secret: secret };
    const etags: Record<string, string> = {};
    for (const p of paths.get) {
      const r = await fetch(`${url}${p}`);
      expect(r.status, p).toBe(200);
      etags[p] = r.headers.get("etag")!;
    }
    for (const p of paths.post.slice(0, 2)) expect((await postToken(`${url}${p}`, form)).status, p).toBe(200);
    return { paths, form, etags };
  }

  async function expectGone({ paths, form, etags }: Awaited<ReturnType<typeof warmTrack>>) {
    const { url } = sharedServer();
    for (const p of paths.get) {
      // a client that cached the document must not be told it is still fresh
      const r = await fetch(`${url}${p}`, { headers: { "if-none-match": etags[p] } });
      expect(r.status, p).toBe(404);
      expect(r.headers.get("content-type"), p).toMatch(/^application\/json/);
      expect(((await r.json()) as { error: string }).error, p).toBe("not_found");
    }
    for (const p of paths.post) {
      const r = await postToken(`${url}${p}`, { ...form, token: "x" });
      expect(r.status, `${p}: ${r.text}`).toBe(404);
      expect(r.headers.get("content-type"), p).toMatch(/^application\/json/);
      expect(r.body.error, p).toBe("not_found");
    }
  }

  it("a deleted track's token, discovery and JWKS routes are a JSON 404 in both layouts, at once", async () => {
    const warm = await warmTrack(tenant, "doomed");
    expect((await api(`/${tenant}/tracks/doomed`, { method: "DELETE", token: control.token })).status).toBe(204);
    await expectGone(warm);
    // the tenant's other track is untouched
    expect((await post("shop", { scope: "api1:read" })).status).toBe(200);
  });

  it("a deleted tenant's token, discovery and JWKS routes are a JSON 404 in both layouts, at once", async () => {
    const other = `del-${randomBytes(4).toString("hex")}`;
    await control.call("POST", "tenants", { name: other });
    const warm = await warmTrack(other, "prod");
    expect((await api(`/tenants/${other}`, { method: "DELETE", token: control.token })).status).toBe(204);
    await expectGone(warm);
  });
});
