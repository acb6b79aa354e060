import { execFile, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createRemoteJWKSet, exportJWK, exportPKCS8, generateKeyPair, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedServer } from "../../support/fennec";
import { root } from "../../support/server";
import { controlClient } from "../../support/control-api";

// The README's Python recipes (tests/interop/python, shown there verbatim) run against the shared
// server, in a virtual environment under that folder with the pinned requirements.

const run = promisify(execFile);
const dir = path.join(root, "tests/interop/python");
const venvPython = path.join(dir, ".venv/bin/python");
const python3 = spawnSync("python3", ["--version"], { encoding: "utf8" }).status === 0;
if (!python3) console.warn("tests/integration/interop/python.test.ts: SKIPPED, python3 is not installed (CI installs it: .ci/run)");

/** The venv is made when missing and reinstalled when requirements.txt changes. */
function ensureVenv() {
  const stamp = path.join(dir, ".venv/requirements.txt");
  const wanted = fs.readFileSync(path.join(dir, "requirements.txt"), "utf8");
  if (fs.existsSync(venvPython) && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === wanted) return;
  const step = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { cwd: dir, encoding: "utf8", timeout: 900_000 });
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.stderr || r.stdout}`);
  };
  step("python3", ["-m", "venv", ".venv"]);
  step(venvPython, ["-m", "pip", "install", "--disable-pip-version-check", "-q", "-r", "requirements.txt"]);
  fs.writeFileSync(stamp, wanted);
}

let control: Awaited<ReturnType<typeof controlClient>>;
let tenant: string;
let issuer: string;
let tmp: string;
const secrets: Record<string, string> = {};
let keyFile: string;

async function python(script: string, env: Record<string, string>, args: string[] = []) {
  const { stdout } = await run(venvPython, [path.join(dir, script), ...args], {
    cwd: dir,
    timeout: 60_000,
    // http:// is only for this local test server; both libraries refuse it otherwise
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", FENNEC_ISSUER: issuer, OAUTHLIB_INSECURE_TRANSPORT: "1", AUTHLIB_INSECURE_TRANSPORT: "1", ...env },
  });
  return JSON.parse(stdout) as Record<string, unknown>;
}

async function verified(token: unknown, clientId: string) {
  const jwks = createRemoteJWKSet(new URL(`${issuer}.well-known/openid-configuration/keys`));
  const { payload } = await jwtVerify(token as string, jwks, { issuer, audience: "orders-api", typ: "at+jwt" });
  expect(payload).toMatchObject({ client_id: clientId, scope: "orders-api:read" });
  return payload;
}

describe.skipIf(!python3)("Python client libraries (README \"Client libraries\")", () => {
  beforeAll(async () => {
    ensureVenv();
    const { url, bootstrapClient } = sharedServer();
    control = await controlClient(url, bootstrapClient);
    tenant = `py-${randomBytes(4).toString("hex")}`;
    await control.call("POST", "tenants", { name: tenant });
    issuer = ((await control.call("POST", `${tenant}/tracks`, { name: "prod" })) as { issuer: string }).issuer;
    const party = (body: unknown) => control.call("POST", `${tenant}/prod/parties`, body) as Promise<{ secret?: string }>;
    await party({ name: "orders-api", resource: { scopes: ["read", "write"] } });
    const grants = [{ resource: "orders-api", scopes: ["read"] }];
    // registered with Fennec's default, client_secret_post; the libraries send Basic by default
    secrets.backend = (await party({ name: "backend", client: { resource_scopes: grants } })).secret!;
    await party({ name: "signer", client: { auth_method: "private_key_jwt", resource_scopes: grants } });
    const { publicKey, privateKey } = await generateKeyPair("RS256", { extractable: true });
    await control.call("POST", `${tenant}/prod/parties/signer/keys`, { jwk: { ...(await exportJWK(publicKey)), kid: "signer-1" } });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "fennec-py-"));
    keyFile = path.join(tmp, "signer.pem");
    fs.writeFileSync(keyFile, await exportPKCS8(privateKey), { mode: 0o600 });
  }, 900_000);
  afterAll(async () => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
    await control?.call("DELETE", `tenants/${tenant}`).catch(() => {});
  });

  it.each(["client_secret_basic", "client_secret_post"])("Authlib, client credentials with a secret (%s)", async (method) => {
    const token = await python("authlib_client_secret.py", { FENNEC_CLIENT_ID: "backend", FENNEC_CLIENT_SECRET: secrets.backend, FENNEC_AUTH_METHOD: method });
    expect(token.token_type).toBe("Bearer");
    await verified(token.access_token, "backend");
  });

  it("Authlib, private_key_jwt with aud = issuer and a short exp (rfc7523bis)", async () => {
    const token = await python("authlib_private_key_jwt.py", { FENNEC_CLIENT_ID: "signer", FENNEC_PRIVATE_KEY_FILE: keyFile, FENNEC_KEY_ID: "signer-1" });
    await verified(token.access_token, "signer");
  });

  it("Authlib's default private_key_jwt (aud = the token endpoint, exp an hour ahead) is refused, as the README says", async () => {
    const defaults = [
      "import os",
      "from authlib.integrations.requests_client import OAuth2Session",
      "from authlib.oauth2.rfc7523 import PrivateKeyJWT",
      "key = open(os.environ['FENNEC_PRIVATE_KEY_FILE']).read()",
      "auth = PrivateKeyJWT(alg='RS256', headers={'kid': 'signer-1'})",
      "s = OAuth2Session('signer', key, token_endpoint_auth_method=auth, scope='orders-api:read')",
      "s.fetch_token(os.environ['FENNEC_ISSUER'] + 'oauth/token', grant_type='client_credentials')",
    ].join("\n");
    const env = { PATH: process.env.PATH ?? "", NODE_ENV: "test" as const, FENNEC_ISSUER: issuer, AUTHLIB_INSECURE_TRANSPORT: "1", FENNEC_PRIVATE_KEY_FILE: keyFile };
    await expect(run(venvPython, ["-c", defaults], { cwd: dir, timeout: 60_000, env })).rejects.toThrow(/invalid_client/);
  });

  it("requests-oauthlib, BackendApplicationClient", async () => {
    const token = await python("requests_oauthlib_backend.py", { FENNEC_CLIENT_ID: "backend", FENNEC_CLIENT_SECRET: secrets.backend });
    await verified(token.access_token, "backend");
  });

  it("PyJWT, PyJWKClient + jwt.decode with audience and issuer; a wrong audience is refused", async () => {
    const token = await python("authlib_client_secret.py", { FENNEC_CLIENT_ID: "backend", FENNEC_CLIENT_SECRET: secrets.backend });
    const claims = await python("pyjwt_verify.py", { FENNEC_AUDIENCE: "orders-api" }, [token.access_token as string]);
    expect(claims).toMatchObject({ iss: issuer, client_id: "backend", aud: "orders-api", scope: "orders-api:read" });
    await expect(python("pyjwt_verify.py", { FENNEC_AUDIENCE: "billing-api" }, [token.access_token as string])).rejects.toThrow(/InvalidAudienceError/);
  });
});
