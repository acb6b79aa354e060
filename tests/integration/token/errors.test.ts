import http from "node:http";
import { exportSPKI, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "../../support/control-api";
import { startServer, type TestServer } from "../../support/server";
import { assertion, basicHeader, JWT_BEARER, newKey, postToken } from "../../support/token";
import { startTokenSuite, type Suite } from "../../support/token-suite";

// Every RFC 6749 §5.2 error the token endpoint gives, and the hostile inputs peers defend against
// (anchors.md §3.4). None of them may produce a 5xx, and no description may carry CR, LF or TAB.

let s: Suite;
let tokenUrl: string;
/** a second, right secret of post-client that no request uses before the throttle test */
let unusedSecret: string;
const seen: { status: number; text: string }[] = [];

beforeAll(async () => {
  s = await startTokenSuite();
  tokenUrl = `${s.issuer}oauth/token`;
  // made here: a new secret resets what the server remembers of the client's secrets
  unusedSecret = await s.newSecret("post-client");
});
afterAll(async () => s?.stop());

async function expectError(
  p: ReturnType<typeof postToken>,
  error: string,
  status = error === "invalid_client" ? 401 : 400,
) {
  const r = await p;
  seen.push(r);
  expect(r.body.error, r.text).toBe(error);
  expect(r.status).toBe(status);
  expect(r.headers.get("content-type")).toMatch(/^application\/json/);
  expect(r.headers.get("cache-control")).toBe("no-store");
  expect(typeof r.body.error_description).toBe("string");
  expect(r.body.error_description as string).not.toMatch(/[\r\n\t]/);
  if (status === 401) expect(r.headers.get("www-authenticate")).toMatch(/^Basic realm="/);
  return r;
}

const cc = { grant_type: "client_credentials" };
const post = () => ({ ...cc, client_id: "post-client", client_secret: s.secrets.post });
const jwtForm = (a: string, extra: Record<string, string> = {}) => ({ ...cc, client_assertion_type: JWT_BEARER, client_assertion: a, ...extra });

describe("grant and scope errors", () => {
  it.each([["password"], ["authorization_code"], ["refresh_token"], ["urn:ietf:params:oauth:grant-type:jwt-bearer"]])(
    "grant_type=%s is unsupported_grant_type",
    async (grant_type) => {
      await expectError(postToken(tokenUrl, { ...post(), grant_type, username: "u", password: "p" }), "unsupported_grant_type");
    },
  );

  it("a missing or empty grant_type is invalid_request (RFC 6749 §5.2)", async () => {
    await expectError(postToken(tokenUrl, { client_id: "post-client", client_secret: s.secrets.post }), "invalid_request");
    await expectError(postToken(tokenUrl, { grant_type: "", client_id: "post-client", client_secret: s.secrets.post }), "invalid_request");
  });

  it("scopes not granted, unknown resources and malformed scopes are invalid_scope", async () => {
    await expectError(postToken(tokenUrl, { ...post(), scope: "api1:write" }), "invalid_scope");
    await expectError(postToken(tokenUrl, { ...post(), scope: "api2:read" }), "invalid_scope");
    await expectError(postToken(tokenUrl, { ...post(), scope: "nosuch" }), "invalid_scope");
    await expectError(postToken(tokenUrl, { ...post(), scope: 'api1:read\\"' }), "invalid_scope");
  });

  it("a resource outside the grants is invalid_target", async () => {
    await expectError(postToken(tokenUrl, { ...post(), scope: "api1:read", resource: "https://evil.example" }), "invalid_target");
  });

  it("a disabled client is unauthorized_client", async () => {
    await expectError(postToken(tokenUrl, { ...cc, client_id: "disabled-client", client_secret: s.secrets.disabled }), "unauthorized_client");
  });
});

describe("client authentication errors", () => {
  it("a wrong secret and an unknown client get the same answer", async () => {
    const wrong = await expectError(postToken(tokenUrl, { ...post(), client_secret: "wrong-secret-0123456789" }), "invalid_client");
    const unknown = await expectError(postToken(tokenUrl, { ...post(), client_id: "nobody" }), "invalid_client");
    expect(unknown.text).toBe(wrong.text);
  });

  it("Basic with a wrong secret is 401 with WWW-Authenticate: Basic", async () => {
    const r = await expectError(postToken(tokenUrl, cc, { authorization: basicHeader("basic-client", "wrong") }), "invalid_client");
    expect(r.headers.get("www-authenticate")).toBe(`Basic realm="${s.issuer}"`);
  });

  it("a secret works until it expires and never after", async () => {
    // made here, so that its margin is not spent on the suite's set-up
    const expiresAt = Date.now() + 5000;
    const secret = await s.newSecret("expiring-client", new Date(expiresAt).toISOString());
    const form = { ...cc, client_id: "expiring-client", client_secret: secret };
    const before = await postToken(tokenUrl, form);
    expect(Date.now(), "the first request must answer before the secret expires").toBeLessThan(expiresAt);
    expect(before.status).toBe(200);
    await new Promise((r) => setTimeout(r, Math.max(0, expiresAt - Date.now() + 100)));
    await expectError(postToken(tokenUrl, form), "invalid_client");
  });

  // secret clients may use either secret method unless strict_auth_method is on (auth-methods.test.ts)
  it("a private_key_jwt client cannot authenticate with a secret", async () => {
    await expectError(postToken(tokenUrl, { ...cc, client_id: "jwt-client", client_secret: s.secrets.post }), "invalid_client");
    await expectError(postToken(tokenUrl, cc, { authorization: basicHeader("jwt-client", s.secrets.basic) }), "invalid_client");
  });

  it("two authentication methods at once are invalid_request", async () => {
    await expectError(postToken(tokenUrl, post(), { authorization: basicHeader("post-client", s.secrets.post) }), "invalid_request");
    const a = await assertion("jwt-client", s.issuer, { key: s.rsa.privateKey, kid: s.rsa.kid });
    await expectError(postToken(tokenUrl, { ...jwtForm(a), client_secret: "x" }), "invalid_request");
  });

  it("a body client_id that differs from the authenticated client is invalid_request", async () => {
    await expectError(
      postToken(tokenUrl, { ...cc, client_id: "post-client" }, { authorization: basicHeader("basic-client", s.secrets.basic) }),
      "invalid_request",
    );
    const a = await assertion("jwt-client", s.issuer, { key: s.rsa.privateKey, kid: s.rsa.kid });
    await expectError(postToken(tokenUrl, jwtForm(a, { client_id: "legacy-client" })), "invalid_request");
  });

  it("no client authentication at all is invalid_client", async () => {
    await expectError(postToken(tokenUrl, { ...cc, client_id: "post-client" }), "invalid_client");
  });

  it("the party token endpoint refuses every other client", async () => {
    await expectError(postToken(`${s.issuer}basic-client/oauth/token`, post()), "invalid_client");
    const ok = await postToken(`${s.issuer}post-client/oauth/token`, post());
    expect(ok.status).toBe(200);
  });

  it("after 20 failures a right secret not checked before is refused, while the warm secret still works", async () => {
    const good = await postToken(tokenUrl, post());
    expect(good.status).toBe(200);
    for (let i = 0; i < 20; i++) {
      await expectError(postToken(tokenUrl, { ...post(), client_secret: `guess-${i}-0123456789abcdef` }), "invalid_client");
    }
    const refused = await expectError(postToken(tokenUrl, { ...post(), client_secret: unusedSecret }), "invalid_client");
    expect(refused.body.error_description).toBe("client authentication failed");
    expect((await postToken(tokenUrl, post())).status).toBe(200);
  });
});

describe("hostile input", () => {
  it("a content type other than a form is invalid_request", async () => {
    await expectError(postToken(tokenUrl, JSON.stringify(post()), { "content-type": "application/json" }), "invalid_request");
    await expectError(postToken(tokenUrl, new URLSearchParams(post()).toString(), { "content-type": "text/plain" }), "invalid_request");
  });

  it("a body over 64 KiB is invalid_request, with or without an honest Content-Length", async () => {
    const big = new URLSearchParams({ ...post(), scope: "a".repeat(70_000) }).toString();
    await expectError(postToken(tokenUrl, big), "invalid_request");
    const r = await rawPost(new URL(tokenUrl), big, { "transfer-encoding": "chunked" });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body).error).toBe("invalid_request");
  });

  it("repeated parameters are invalid_request", async () => {
    const body = `${new URLSearchParams(post())}&client_id=post-client`;
    await expectError(postToken(tokenUrl, body), "invalid_request");
    await expectError(postToken(tokenUrl, `${new URLSearchParams(post())}&grant_type=client_credentials`), "invalid_request");
  });

  it("credentials in the query string are refused", async () => {
    await expectError(postToken(`${tokenUrl}?client_secret=${s.secrets.post}`, post()), "invalid_request");
  });

  it.each([
    ["Basic", "no credentials"],
    ["Basic !!notbase64!!", "not base64"],
    [`Basic ${Buffer.from("no-colon").toString("base64")}`, "no colon"],
    [`Basic ${Buffer.from(":secret").toString("base64")}`, "empty id"],
    [`Basic ${Buffer.from("basic-client:").toString("base64")}`, "empty secret"],
    [`Basic ${Buffer.from("basic-client:%E0%A4%A").toString("base64")}`, "bad percent-encoding"],
    ["Bearer abc.def.ghi", "other scheme"],
  ])("malformed Authorization header %j (%s) is invalid_request", async (authorization) => {
    await expectError(postToken(tokenUrl, cc, { authorization }), "invalid_request");
  });
});

describe("private_key_jwt assertions", () => {
  const sign = (o: Partial<Parameters<typeof assertion>[2]> = {}, client = "jwt-client") =>
    assertion(client, s.issuer, { key: s.rsa.privateKey, kid: s.rsa.kid, ...o });
  const now = () => Math.floor(Date.now() / 1000);

  it("a valid assertion works once; the replay is refused", async () => {
    const a = await sign();
    expect((await postToken(tokenUrl, jwtForm(a))).status).toBe(200);
    await expectError(postToken(tokenUrl, jwtForm(a)), "invalid_client");
  });

  it("typ client-authentication+jwt is accepted; other explicit types are refused", async () => {
    expect((await postToken(tokenUrl, jwtForm(await sign({ typ: "client-authentication+jwt" })))).status).toBe(200);
    await expectError(postToken(tokenUrl, jwtForm(await sign({ typ: "at+jwt" }))), "invalid_client");
  });

  it("alg none is refused", async () => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const t = now();
    const unsigned = `${enc({ alg: "none" })}.${enc({ iss: "jwt-client", sub: "jwt-client", aud: s.issuer, exp: t + 60, iat: t, jti: crypto.randomUUID() })}.`;
    await expectError(postToken(tokenUrl, jwtForm(unsigned)), "invalid_client");
  });

  it("HS256 signed with the client's public key as the secret is refused", async () => {
    const pem = await exportSPKI((await crypto.subtle.importKey("jwk", s.rsa.publicJwk as JsonWebKey, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, true, ["verify"])) as never);
    const t = now();
    const forged = await new SignJWT({ iss: "jwt-client", sub: "jwt-client", aud: s.issuer, exp: t + 60, iat: t, jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: "HS256", kid: s.rsa.kid })
      .sign(new TextEncoder().encode(pem));
    await expectError(postToken(tokenUrl, jwtForm(forged)), "invalid_client");
  });

  it("expired, future and over-long assertions are refused", async () => {
    await expectError(postToken(tokenUrl, jwtForm(await sign({ iat: now() - 600, exp: now() - 300 }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ iat: now() + 300, exp: now() + 400 }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ nbf: now() + 300, exp: now() + 290 }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ exp: now() + 3600 }))), "invalid_client");
    // a few seconds of clock skew is tolerated
    expect((await postToken(tokenUrl, jwtForm(await sign({ iat: now() + 8, nbf: now() + 8 })))).status).toBe(200);
  });

  it("missing exp or jti, or iss/sub not the client, is refused", async () => {
    await expectError(postToken(tokenUrl, jwtForm(await sign({ exp: null }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ jti: null }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ sub: "someone-else" }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ iss: "legacy-client" }))), "invalid_client");
  });

  it("audience: the issuer alone; the token endpoint URL only for a legacy client", async () => {
    await expectError(postToken(tokenUrl, jwtForm(await sign({ aud: tokenUrl }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ aud: [s.issuer, "https://other.example/"] }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ aud: "https://other.example/" }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ aud: s.issuer.slice(0, -1) }))), "invalid_client");
    expect((await postToken(tokenUrl, jwtForm(await sign({ aud: [s.issuer] })))).status).toBe(200);
    expect((await postToken(tokenUrl, jwtForm(await sign({ aud: tokenUrl }, "legacy-client")))).status).toBe(200);
  });

  it("an assertion signed by a key the client has not registered is refused", async () => {
    const stranger = await newKey("RS256", s.rsa.kid);
    await expectError(postToken(tokenUrl, jwtForm(await sign({ key: stranger.privateKey }))), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm(await sign({ key: stranger.privateKey, kid: undefined }))), "invalid_client");
  });

  it("a wrong or missing client_assertion_type is invalid_request; garbage assertions are invalid_client", async () => {
    const a = await sign();
    await expectError(postToken(tokenUrl, { ...cc, client_assertion: a }), "invalid_request");
    await expectError(postToken(tokenUrl, { ...cc, client_assertion: a, client_assertion_type: "urn:other" }), "invalid_request");
    await expectError(postToken(tokenUrl, jwtForm("not.a.jwt")), "invalid_client");
    await expectError(postToken(tokenUrl, jwtForm("x".repeat(20_000))), "invalid_client");
  });
});

describe("never a server error", () => {
  it("no response above was a 5xx and every description is clean", () => {
    expect(seen.length).toBeGreaterThan(40);
    for (const r of seen) {
      expect(r.status).toBeLessThan(500);
      expect(r.text).not.toMatch(/[\r\n\t]|at .*\.js|stack/i);
    }
  });
});

describe("the throttle window", () => {
  // A server of its own with a 5 s window (FENNEC_CLIENT_THROTTLE_WINDOW_SECONDS; 60 by default), so that
  // the end of the window is reached in the test: a right secret refused after 20 failures is accepted
  // once the window that began at the first failure is over.
  const WINDOW_S = 5;
  const boot = { id: "throttle-admin", secret: "throttle-admin-secret-0123456789abcdef" };
  let server: TestServer;
  let right: string;
  let url: string;

  beforeAll(async () => {
    server = await startServer({
      env: { FENNEC_CLIENT_THROTTLE_WINDOW_SECONDS: String(WINDOW_S), FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret },
    });
    const control = await controlClient(server.url, boot);
    await control.call("POST", "master/master/parties", { name: "guessed", client: { auth_method: "client_secret_post" } });
    right = ((await control.call("POST", "master/master/parties/guessed/secrets", {})) as { secret: string }).secret;
    url = `${server.url}/master/master/oauth/token`;
  });
  afterAll(async () => server?.stop());

  it("after 20 failures a right secret is refused until the window ends, then accepted", async () => {
    const form = (secret: string) => ({ ...cc, client_id: "guessed", client_secret: secret });
    // the window begins at the first failure: after this request was sent, before its answer came
    const sentAt = Date.now();
    await expectError(postToken(url, form("guess-first-0123456789abcdef")), "invalid_client");
    const windowEndsBy = Date.now() + WINDOW_S * 1000;
    for (let i = 1; i < 20; i++) await expectError(postToken(url, form(`guess-${i}-0123456789abcdef`)), "invalid_client");
    const refused = await expectError(postToken(url, form(right)), "invalid_client");
    expect(Date.now(), "the 20 failures and the refusal must fit in the window").toBeLessThan(sentAt + WINDOW_S * 1000);
    expect(refused.body.error_description).toBe("client authentication failed");

    await new Promise((r) => setTimeout(r, windowEndsBy - Date.now() + 250));
    const accepted = await postToken(url, form(right));
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.token_type).toBe("Bearer");
  });
});

function rawPost(url: URL, body: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { method: "POST", host: url.hostname, port: url.port, path: url.pathname, headers: { "content-type": "application/x-www-form-urlencoded", ...headers } },
      (res) => {
        let data = "";
        res.on("data", (d) => (data += d));
        res.on("end", () => resolve({ status: res.statusCode!, body: data }));
      },
    );
    req.on("error", reject);
    for (let i = 0; i < body.length; i += 8192) req.write(body.slice(i, i + 8192));
    req.end();
  });
}
