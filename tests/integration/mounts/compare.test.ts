import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raw, type RawResponse } from "../../support/http";
import { sharedTarget, startServer } from "../../support/server";
import { assertion, basicHeader, JWT_BEARER, type Keys, newKey } from "../../support/token";
import { controlClient } from "../../support/control-api";

// The fast mount (node:http in front of Next.js) and the Next.js route handlers (FENNEC_FAST_MOUNT=off)
// must answer the same request alike: the same status, the same headers apart from Date, connection
// and framing headers and the Vary that Next.js adds to everything it serves, and the same body apart
// from what differs per token (jti, times, signature) and per error (the logged id). One data folder
// or database, one fixed public URL, the two servers one after the other.

const PUBLIC = "https://id.fennec.test";
const boot = { id: "cmp-admin", secret: "cmp-admin-secret-0123456789abcdef" };
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const IGNORED_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "vary", "x-request-id"]);

type Case = { name: string; method: string; path: string; headers?: Record<string, string>; chunks?: (string | Buffer)[] };
let answers: { fast: Map<string, RawResponse>; off: Map<string, RawResponse> };
let cases: Case[] = [];
let cleanup: () => Promise<void> = async () => {};

const form = (o: Record<string, string>) => new URLSearchParams(o).toString();

/** The requests, built afresh for each server (a client assertion is single use). */
async function requestList(secrets: { basic: string; post: string }, key: Keys, etag: string): Promise<Case[]> {
  const tok = "/cmp/prod/oauth/token";
  const disc = "/cmp/prod/.well-known/openid-configuration";
  const post = (name: string, body: string | Buffer, headers: Record<string, string> = {}, path = tok): Case => ({
    name,
    method: "POST",
    path,
    headers: { ...FORM, "content-length": String(Buffer.byteLength(body)), ...headers },
    chunks: [body],
  });
  const cc = { grant_type: "client_credentials" };
  const basic = { authorization: basicHeader("basic-client", secrets.basic) };
  const postCreds = { ...cc, client_id: "post-client", client_secret: secrets.post };
  const jwt = async () => assertion("jwt-client", `${PUBLIC}/cmp/prod/`, { key: key.privateKey, kid: key.kid, alg: "ES256" });
  const replayed = await jwt();
  const get = (name: string, path: string, headers?: Record<string, string>, method = "GET"): Case => ({ name, method, path, headers });
  return [
    get("healthz", "/healthz"),
    get("healthz with a slash", "/healthz/"),
    get("healthz HEAD", "/healthz", undefined, "HEAD"),
    get("healthz POST", "/healthz", undefined, "POST"),
    get("healthz OPTIONS", "/healthz", undefined, "OPTIONS"),
    get("readyz", "/readyz?probe=1"),
    get("discovery", disc),
    get("discovery with a slash and a query", `${disc}/?a=b`),
    get("discovery, segments in other case", "/CMP/Prod/.well-known/openid-configuration"),
    get("discovery, percent-encoded once", "/cm%70/prod/.well-known/openid-configuration"),
    get("discovery, percent-encoded twice", "/cm%2570/prod/.well-known/openid-configuration"),
    get("discovery, malformed percent-encoding", "/cmp/%E0%A4%A/.well-known/openid-configuration"),
    get("discovery of a party", "/cmp/prod/basic-client/.well-known/openid-configuration"),
    get("discovery of an invalid party name", "/cmp/prod/b%20c/.well-known/openid-configuration"),
    get("RFC 8414 discovery", "/.well-known/oauth-authorization-server/cmp/prod"),
    get("RFC 8414 discovery with a slash", "/.well-known/oauth-authorization-server/cmp/prod/"),
    get("discovery of an unknown tenant", "/nope/prod/.well-known/openid-configuration"),
    get("discovery HEAD", disc, undefined, "HEAD"),
    get("discovery If-None-Match *", disc, { "if-none-match": "*" }),
    get("discovery POST", disc, undefined, "POST"),
    get("discovery DELETE", disc, undefined, "DELETE"),
    get("discovery OPTIONS", disc, undefined, "OPTIONS"),
    get("discovery PROPFIND", disc, undefined, "PROPFIND"),
    get("JWKS", `${disc}/keys`),
    get("JWKS of a party", "/cmp/prod/post-client/.well-known/openid-configuration/keys"),
    get("JWKS revalidated", `${disc}/keys`, { "if-none-match": etag }),
    get("JWKS HEAD", `${disc}/keys`, undefined, "HEAD"),
    get("token GET", tok),
    get("token HEAD", tok, undefined, "HEAD"),
    get("token OPTIONS", tok, undefined, "OPTIONS"),
    get("token PUT", tok, undefined, "PUT"),
    post("token, Basic", form({ ...cc, scope: "api1:read api1:write" }), basic),
    post("token, Basic, resource", form({ ...cc, scope: "api1:read api2:read", resource: "https://api2.example.com" }), basic),
    post("token, post, claim transforms", form({ ...postCreds, scope: "api1:read" })),
    post("token, post, no scope", form(postCreds)),
    post("token, party endpoint", form(postCreds), {}, "/cmp/prod/post-client/oauth/token"),
    post("token, party endpoint of another client", form(postCreds), {}, "/cmp/prod/basic-client/oauth/token"),
    post("token with a slash", form(postCreds), {}, `${tok}/`),
    post("token, private_key_jwt", form({ ...cc, client_assertion_type: JWT_BEARER, client_assertion: await jwt() })),
    post("token, assertion first use", form({ ...cc, client_assertion_type: JWT_BEARER, client_assertion: replayed })),
    post("token, assertion replayed", form({ ...cc, client_assertion_type: JWT_BEARER, client_assertion: replayed })),
    post("token, wrong secret", form({ ...postCreds, client_secret: "wrong-secret-0123456789" })),
    post("token, unknown client", form({ ...postCreds, client_id: "nobody" })),
    post("token, unknown tenant", form(postCreds), {}, "/nope/prod/oauth/token"),
    post("token, malformed path", form(postCreds), {}, "/cmp/%E0%A4%A/oauth/token"),
    post("token, password grant", form({ ...postCreds, grant_type: "password", username: "u", password: "p" })),
    post("token, no grant type", form({ client_id: "post-client", client_secret: secrets.post })),
    post("token, scope not granted", form({ ...postCreds, scope: "api1:write" })),
    post("token, resource not granted", form({ ...postCreds, scope: "api1:read", resource: "https://evil.example" })),
    post("token, JSON body", JSON.stringify(postCreds), { "content-type": "application/json" }),
    post("token, repeated parameter", `${form(postCreds)}&client_id=post-client`),
    post("token, credentials in the query", form(postCreds), {}, `${tok}?client_secret=x`),
    post("token, empty query", form(postCreds), {}, `${tok}?`),
    post("token, Basic with another scheme", form(cc), { authorization: "Bearer abc.def.ghi" }),
    post("token, Basic not base64", form(cc), { authorization: "Basic !!notbase64!!" }),
    post("token, two methods", form(postCreds), basic),
    post("token, invalid UTF-8", Buffer.concat([Buffer.from("grant_type=client_credentials&scope="), Buffer.from([0xff, 0xfe])])),
    post("token, body over 64 KiB", form({ ...postCreds, scope: "a".repeat(70_000) })),
    { name: "token, chunked body over 64 KiB", method: "POST", path: tok, headers: { ...FORM, "transfer-encoding": "chunked" }, chunks: Array.from({ length: 9 }, () => "a".repeat(8192)) },
    { name: "token, Content-Length claims too much", method: "POST", path: tok, headers: { ...FORM, "content-length": "70000", connection: "close" }, chunks: ["grant_type=x"] },
    get("a path Next.js redirects", "//cmp/prod/.well-known/openid-configuration"),
    get("a dot segment Next.js resolves", "/cmp/prod/./.well-known/openid-configuration"),
    get("next-auth's catch-all", "/api/auth/oauth/token"),
    get("under /api/control", "/api/control/oauth/token", undefined, "POST"),
    get("under /_next", "/_next/x/.well-known/openid-configuration"),
    get("the Control API without a token", "/api/control/tenants"),
  ];
}

async function record(url: string, list: Case[]): Promise<Map<string, RawResponse>> {
  const out = new Map<string, RawResponse>();
  for (const c of list) out.set(c.name, await raw(url, c.method, c.path, c));
  return out;
}

async function seed(url: string) {
  const control = await controlClient(url, boot);
  await control.call("POST", "tenants", { name: "cmp" });
  await control.call("POST", "cmp/tracks", { name: "prod" });
  const party = (body: unknown) => control.call("POST", "cmp/prod/parties", body);
  await party({ name: "api1", resource: { scopes: ["read", "write"] } });
  await party({ name: "api2", resource: { scopes: ["read"], audience: "https://api2.example.com" } });
  const grants = [{ resource: "api1", scopes: ["read", "write"] }, { resource: "api2", scopes: ["read"] }];
  await party({ name: "basic-client", client: { auth_method: "client_secret_basic", resource_scopes: grants } });
  await party({
    name: "post-client",
    client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "api1", scopes: ["read"] }] },
    claim_transforms: [{ type: "constant", claims_out: ["role"], transformation: "reader" }],
  });
  await party({ name: "jwt-client", client: { auth_method: "private_key_jwt", resource_scopes: grants } });
  const key = await newKey("ES256", "cmp-ec");
  await control.call("POST", "cmp/prod/parties/jwt-client/keys", { jwk: key.publicJwk });
  const secret = async (name: string) => ((await control.call("POST", `cmp/prod/parties/${name}/secrets`, {})) as { secret: string }).secret;
  return { key, secrets: { basic: await secret("basic-client"), post: await secret("post-client") } };
}

beforeAll(async () => {
  const { target, remove } = await sharedTarget();
  cleanup = remove;
  const env = { ...target.env, FENNEC_PUBLIC_URL: PUBLIC, FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret };
  const fast = await startServer({ ...target, keepData: true, env: { ...env, FENNEC_FAST_MOUNT: "on" } });
  let seeded: Awaited<ReturnType<typeof seed>>;
  let fastAnswers: Map<string, RawResponse>;
  try {
    seeded = await seed(fast.url);
    const etag = String((await raw(fast.url, "GET", "/cmp/prod/.well-known/openid-configuration/keys")).headers.etag);
    cases = await requestList(seeded.secrets, seeded.key, etag);
    fastAnswers = await record(fast.url, cases);
  } finally {
    await fast.stop();
  }
  const off = await startServer({ ...target, keepData: true, env: { ...env, FENNEC_FAST_MOUNT: "off" } });
  try {
    const etag = String((await raw(off.url, "GET", "/cmp/prod/.well-known/openid-configuration/keys")).headers.etag);
    answers = { fast: fastAnswers, off: await record(off.url, await requestList(seeded.secrets, seeded.key, etag)) };
  } finally {
    await off.stop();
  }
});

afterAll(async () => cleanup());

/** What must be equal: per-token and per-error values replaced by their shape. */
function comparable(r: RawResponse) {
  const headers = Object.fromEntries(Object.entries(r.headers).filter(([k]) => !IGNORED_HEADERS.has(k)));
  let body: unknown = r.body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>");
  if (r.headers["content-type"]?.startsWith("application/json") && r.body) {
    const json = JSON.parse(r.body) as Record<string, unknown>;
    if (typeof json.access_token === "string") {
      const [h, p, sig] = json.access_token.split(".");
      const claims = JSON.parse(Buffer.from(p, "base64url").toString());
      const lifetime = claims.exp - claims.iat;
      const sameTimes = claims.nbf === claims.iat;
      for (const k of ["jti", "iat", "nbf", "exp"]) claims[k] = typeof claims[k];
      json.access_token = { header: JSON.parse(Buffer.from(h, "base64url").toString()), claims, lifetime, sameTimes, signed: sig.length > 0 };
    }
    body = json;
  }
  return { status: r.status, headers, body };
}

describe("the fast mount and the route handlers", () => {
  it("answer every request alike", () => {
    expect(cases.length).toBeGreaterThan(60);
    for (const c of cases) {
      expect(comparable(answers.off.get(c.name)!), c.name).toEqual(comparable(answers.fast.get(c.name)!));
    }
  });

  it("were compared on real answers, successes and failures", () => {
    const status = (name: string) => answers.fast.get(name)?.status;
    expect(status("token, Basic")).toBe(200);
    expect(status("token, private_key_jwt")).toBe(200);
    expect(status("token, assertion replayed")).toBe(401);
    expect(status("token, chunked body over 64 KiB")).toBe(400);
    expect(status("discovery")).toBe(200);
    expect(status("JWKS revalidated")).toBe(304);
    expect(status("discovery, malformed percent-encoding")).toBe(400);
    expect(status("a path Next.js redirects")).toBe(308);
    expect(answers.fast.get("token, post, claim transforms")?.body).toMatch(/access_token/);
  });
});
