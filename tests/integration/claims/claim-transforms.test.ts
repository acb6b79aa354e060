import { createRemoteJWKSet, jwtVerify } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { api, eventually, expectProblem, master, tokenEndpoint, uniqueName } from "../../support/fennec";
import { postToken } from "../../support/token";

// A party's claim transforms, set through the Control API, change what the real token route issues.

let token: string;
const tenant = uniqueName("claims");
const track = "prod";
const base = `/${tenant}/${track}`;
let secret: string;
let issuer: string;

const transforms = [
  { type: "constant", claims_out: ["role"], transformation: "reader" },
  { type: "constant", claims_out: ["role"], transformation: "writer" },
  { type: "map", claims_in: ["client_id"], claims_out: ["azp"] },
  // FoxIDs' spelling: capital-C Concatenate and the legacy single claim_out
  { type: "Concatenate", claims_in: ["sub", "aud"], claim_out: "label", transformation: "{0}@{1}" },
  { type: "RegexMap", claims_in: ["scope"], claims_out: ["resource"], transformation: "^(?<map>[^:]+):" },
];

async function getToken() {
  const r = await postToken(tokenEndpoint(tenant, track), {
    grant_type: "client_credentials",
    client_id: "billing",
    client_secret: secret,
    scope: "orders-api:read",
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  const jwks = createRemoteJWKSet(new URL(`${issuer}.well-known/openid-configuration/keys`));
  const { payload } = await jwtVerify(r.body.access_token, jwks, { issuer, audience: "orders-api", typ: "at+jwt" });
  return payload as Record<string, unknown>;
}

async function putTransforms(claim_transforms: unknown[]) {
  const current = await api(`${base}/parties/billing`, { token });
  const { name, client, version } = current.body;
  return api(`${base}/parties/billing`, {
    method: "PUT",
    token,
    body: {
      name,
      client: { auth_method: client.auth_method, resource_scopes: client.resource_scopes, access_token_lifetime: client.access_token_lifetime },
      claim_transforms,
      version,
    },
  });
}

beforeAll(async () => {
  token = await master();
  expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
  const tr = await api(`/${tenant}/tracks`, { method: "POST", token, body: { name: track } });
  expect(tr.status, JSON.stringify(tr.body)).toBe(201);
  issuer = tr.body.issuer;
  const res = await api(`${base}/parties`, { method: "POST", token, body: { name: "orders-api", resource: { scopes: ["read", "write"] } } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
});

describe("claim transforms in issued tokens", () => {
  it("a client created with transforms gets them applied, in order, in a signed token", async () => {
    const created = await api(`${base}/parties`, {
      method: "POST",
      token,
      body: { name: "billing", client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] }, claim_transforms: transforms },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    secret = created.body.secret;
    // stored in canonical form, numbered in list order
    expect(created.body.claim_transforms[3]).toEqual({
      type: "concatenate",
      action: "add",
      order: 4,
      claims_in: ["sub", "aud"],
      claims_out: ["label"],
      transformation: "{0}@{1}",
      transformation_extension: null,
    });

    const payload = await getToken();
    expect(payload).toMatchObject({
      role: ["reader", "writer"],
      azp: "billing",
      label: "billing@orders-api",
      resource: "orders-api",
      iss: issuer,
      sub: "billing",
      client_id: "billing",
      aud: "orders-api",
      scope: "orders-api:read",
    });
  });

  it("saving new transforms changes the next token (remove, replace, _local variables)", async () => {
    const put = await putTransforms([
      { type: "constant", claims_out: ["role"], transformation: "reader" },
      { type: "constant", action: "replace", claims_out: ["role"], transformation: "auditor" },
      { type: "reg_ex_map", claims_in: ["scope"], claims_out: ["_local:perm"], transformation: ":(?<map>\\w+)$" },
      { type: "match", claims_in: ["_local:perm"], claims_out: ["can_read"], transformation: "read", transformation_extension: "true" },
    ]);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const payload = await eventually(getToken, (p) => p.role === "auditor");
    expect(payload.role).toBe("auditor");
    expect(payload.can_read).toBe("true");
    expect(payload.azp).toBeUndefined();
    expect(Object.keys(payload).some((k) => k.startsWith("_local:"))).toBe(false);
  });

  it("a catastrophic regex on the token route answers quickly (RE2, linear time)", async () => {
    const long = "a".repeat(299) + "b";
    const put = await putTransforms([
      { type: "constant", claims_out: ["_local:long"], transformation: long },
      { type: "reg_ex_match", claims_in: ["_local:long"], claims_out: ["evil"], transformation: "(a+)+$", transformation_extension: "x" },
      { type: "reg_ex_match", action: "add_if_not", claims_in: ["_local:long"], claims_out: ["evil"], transformation: "^(a|aa)+$", transformation_extension: "no" },
    ]);
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const payload = await eventually(getToken, (p) => p.evil !== undefined);
    const started = Date.now();
    const again = await getToken();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(payload.evil).toBe("no");
    expect(again.evil).toBe("no");
  });

  it("invalid transforms are refused on save with a problem per field, and the stored ones stay", async () => {
    const before = await api(`${base}/parties/billing`, { token });
    const put = await putTransforms([
      { type: "reg_ex_match", claims_in: ["sub"], claims_out: ["x"], transformation: "(?=admin)", transformation_extension: "y" },
      { type: "constant", claims_out: ["scope"], transformation: "everything" },
      { type: "external_claims", claims_in: ["*"], claims_out: ["x"] },
      { type: "concatenate", claims_in: ["sub"], claims_out: ["x"], transformation: "{0}{1}" },
    ]);
    expectProblem(put, 422);
    const fields = Object.fromEntries(
      (put.body.errors as { field: string; detail: string }[]).map((e) => [e.field, e.detail]),
    );
    expect(fields["claim_transforms.0.transformation"]).toMatch(/lookaround/);
    expect(fields["claim_transforms.1.claims_out.0"]).toMatch(/'scope' is set by Fennec/);
    expect(fields["claim_transforms.2.type"]).toMatch(/external_claims type is not supported/);
    expect(fields["claim_transforms.3.transformation"]).toMatch(/\{1\} refers to input claim 2/);
    expect(Object.keys(fields)).toHaveLength(4);
    const after = await api(`${base}/parties/billing`, { token });
    expect(after.body.claim_transforms).toEqual(before.body.claim_transforms);
    expect(after.body.version).toBe(before.body.version);
  });
});
