/* eslint-disable @typescript-eslint/no-explicit-any -- documents are checked by assertions; loose types keep the test readable */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, master, sharedServer, tokenEndpoint, uniqueName } from "../../support/fennec";
import { postToken } from "../../support/token";
import { makePfx } from "../../support/client-keys";

// Export a track with every kind of party, every transform type and both kinds of client key; import it
// into an empty track; export again. Then the plan, all-or-nothing, and each way a document is refused.

let token: string;
const tenant = uniqueName("port");
const src = `/${tenant}/src`;
const cert = makePfx("x", "jwt-job");
const ecJwk = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey.export({ format: "jwk" });

const transforms = [
  { type: "constant", claims_out: ["role"], transformation: "reader" },
  { type: "match_claim", claims_in: ["client_id"], claims_out: ["is_client"], transformation: "yes" },
  { type: "match", claims_in: ["role"], claims_out: ["can_read"], transformation: "reader", transformation_extension: "true" },
  { type: "reg_ex_match", claims_in: ["sub"], claims_out: ["batchy"], transformation: "^batch", transformation_extension: "1" },
  { type: "map", claims_in: ["client_id"], claims_out: ["azp"] },
  { type: "reg_ex_map", claims_in: ["scope"], claims_out: ["_local:perm"], transformation: ":(?<map>\\w+)$" },
  { type: "concatenate", claims_in: ["sub", "role"], claims_out: ["label"], transformation: "{0}@{1}" },
];

const parties = [
  { name: "orders-api", display_name: "Orders API", note: "the shop", resource: { scopes: ["read", "write"], audience: "https://orders.example" } },
  { name: "billing-api", resource: { scopes: ["charge"] } },
  { name: "batch", client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }, { resource: "billing-api", scopes: ["charge"] }], access_token_lifetime: 600 }, claim_transforms: transforms },
  { name: "basic-bot", client: { auth_method: "client_secret_basic", resource_scopes: [{ resource: "orders-api", scopes: ["write"] }], allow_legacy_assertion_audience: true, strict_auth_method: true } },
  { name: "both-svc", resource: { scopes: ["x"] }, client: { resource_scopes: [{ resource: "both-svc", scopes: ["x", "y"] }, { resource: "orders-api", scopes: ["read"] }], client_credentials_enabled: true } },
  { name: "jwt-job", client: { auth_method: "private_key_jwt", resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] } },
];

const strip = (doc: any) => ({ ...doc, exported_at: undefined, exported_from: undefined });
const newTrack = async (name = uniqueName("dst")) => {
  const r = await api(`/${tenant}/tracks`, { method: "POST", token, body: { name } });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return `/${tenant}/${name}`;
};
const importDoc = (track: string, doc: unknown, mode = "dry_run", t = token) => api(`${track}/import?mode=${mode}`, { method: "POST", token: t, body: doc });
const exportOf = async (track: string) => {
  const r = await api(`${track}/export`, { token });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body;
};
const doc1 = (party: { name: string } & Record<string, unknown>) => ({ fennec_export_version: 1, parties: [party] });

let exported: any;

beforeAll(async () => {
  token = await master();
  expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
  const t = await api(`/${tenant}/tracks`, {
    method: "POST",
    token,
    body: { name: "src", display_name: "Source", signing_algorithm: "ES256", key_validity_months: 6, key_renew_days_before_expiry: 12, key_primary_after_days: 3 },
  });
  expect(t.status, JSON.stringify(t.body)).toBe(201);
  for (const p of parties) {
    const r = await api(`${src}/parties`, { method: "POST", token, body: p });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
  expect((await api(`${src}/parties/jwt-job/keys`, { method: "POST", token, body: { certificate: cert.certPem } })).status).toBe(201);
  expect((await api(`${src}/parties/jwt-job/keys`, { method: "POST", token, body: { jwk: ecJwk } })).status).toBe(201);
  exported = await exportOf(src);
});

describe("export", () => {
  it("holds the settings, parties, grants, transforms and public keys, and no secret", async () => {
    const r = await api(`${src}/export`, { token });
    expect(r.headers.get("content-disposition")).toBe(`attachment; filename="fennec-${tenant}-src.json"`);
    expect(exported).toMatchObject({ fennec_export_version: 1, exported_from: { tenant, track: "src" } });
    expect(exported.track).toEqual({ display_name: "Source", signing_algorithm: "ES256", key_validity_months: 6, key_renew_days_before_expiry: 12, key_primary_after_days: 3 });
    expect(exported.parties.map((p: any) => p.name)).toEqual(["basic-bot", "batch", "billing-api", "both-svc", "jwt-job", "orders-api"]);
    const batch = exported.parties.find((p: any) => p.name === "batch");
    expect(batch.claim_transforms.map((t: any) => t.type)).toEqual(transforms.map((t) => t.type));
    const job = exported.parties.find((p: any) => p.name === "jwt-job");
    expect(job.client.keys).toHaveLength(2);
    expect(job.client.keys.some((k: any) => k.certificate?.includes("BEGIN CERTIFICATE"))).toBe(true);
    expect(JSON.stringify(exported)).not.toMatch(/argon2|"hash"|"secret"|PRIVATE KEY|"d"\s*:|"secret_count"/);
  });
});

describe("import", () => {
  it("round trip: dry run writes nothing; apply creates everything; a second export is equal", async () => {
    const dst = await newTrack();
    const plan = await importDoc(dst, exported);
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body.applied).toBe(false);
    expect(plan.body.secrets).toEqual([]);
    expect(plan.body.track.action).toBe("update");
    expect(plan.body.parties.map((p: any) => [p.name, p.action])).toEqual(exported.parties.map((p: any) => [p.name, "create"]));
    expect((await exportOf(dst)).parties).toEqual([]);

    const applied = await importDoc(dst, exported, "apply");
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.headers.get("cache-control")).toBe("no-store");
    expect(applied.body.applied).toBe(true);
    expect(applied.body.secrets.map((s: any) => s.party).sort()).toEqual(["basic-bot", "batch", "both-svc"]);
    expect(strip(await exportOf(dst))).toEqual(strip(exported));

    const again = await importDoc(dst, exported);
    expect(again.body.track.action).toBe("unchanged");
    expect(new Set(again.body.parties.map((p: any) => p.action))).toEqual(new Set(["unchanged"]));

    const audit = await api(`/${tenant}/audit?track=${dst.split("/")[2]}&action=party.create`, { token });
    expect(audit.body.data.map((e: any) => e.target_name).sort()).toEqual(exported.parties.map((p: any) => p.name).sort());
    expect(JSON.stringify(audit.body)).not.toContain(applied.body.secrets[0].secret);

    // The new secrets (and the imported certificate) get tokens in the new track.
    const [, , track] = dst.split("/");
    const secretOf = (name: string) => applied.body.secrets.find((s: any) => s.party === name).secret;
    const post = await postToken(tokenEndpoint(tenant, track), { grant_type: "client_credentials", client_id: "batch", client_secret: secretOf("batch"), scope: "orders-api:read" });
    expect(post.status, JSON.stringify(post.body)).toBe(200);
    const basic = await postToken(tokenEndpoint(tenant, track), { grant_type: "client_credentials", scope: "orders-api:write" }, {
      authorization: `Basic ${Buffer.from(`basic-bot:${encodeURIComponent(secretOf("basic-bot"))}`).toString("base64")}`,
    });
    expect(basic.status, JSON.stringify(basic.body)).toBe(200);
    const issuer = `${sharedServer().url}/${tenant}/${track}/`;
    const kid = exported.parties.find((p: any) => p.name === "jwt-job").client.keys.find((k: any) => k.certificate).kid;
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid })
      .setIssuer("jwt-job")
      .setSubject("jwt-job")
      .setAudience(issuer)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime("60s")
      .sign(cert.privateKey);
    const jwt = await postToken(tokenEndpoint(tenant, track), {
      grant_type: "client_credentials",
      client_id: "jwt-job",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope: "orders-api:read",
    });
    expect(jwt.status, JSON.stringify(jwt.body)).toBe(200);
  });

  it("plans updates and conflicts; apply with a conflict writes nothing", async () => {
    const dst = await newTrack();
    expect((await importDoc(dst, exported, "apply")).status).toBe(200);
    const before = await exportOf(dst);
    const changed = structuredClone(exported);
    changed.parties.find((p: any) => p.name === "batch").display_name = "Batch job";
    changed.parties.push({ name: "newcomer", client: { resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] } });
    const orders = changed.parties.find((p: any) => p.name === "orders-api");
    orders.resource = null;
    orders.client = { resource_scopes: [] };
    const plan = await importDoc(dst, changed);
    expect(plan.status, JSON.stringify(plan.body)).toBe(422);
    // orders-api without its resource part breaks the grants that refer to it
    expect(plan.body.errors.map((e: any) => e.field)).toContain("parties.1.client.resource_scopes.1.resource");

    orders.resource = exported.parties.find((p: any) => p.name === "orders-api").resource;
    orders.client = null;
    const ok = await importDoc(dst, changed);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const row = (name: string) => ok.body.parties.find((p: any) => p.name === name);
    expect(row("batch")).toMatchObject({ action: "update", changes: ["display_name"] });
    expect(row("newcomer").action).toBe("create");
    expect(row("basic-bot").action).toBe("unchanged");

    const kept = structuredClone(changed);
    const bot = kept.parties.find((p: any) => p.name === "basic-bot");
    bot.client = null;
    bot.resource = { scopes: ["z"] };
    const conflict = await importDoc(dst, kept);
    expect(conflict.status).toBe(200);
    expect(conflict.body.parties.find((p: any) => p.name === "basic-bot")).toMatchObject({ action: "conflict", reason: expect.stringMatching(/secrets and keys/) });
    const refused = await importDoc(dst, kept, "apply");
    expectProblem(refused, 409);
    expect(refused.body.detail).toContain("basic-bot");
    expect(strip(await exportOf(dst))).toEqual(strip(before));

    const applied = await importDoc(dst, changed, "apply");
    expect(applied.status, JSON.stringify(applied.body)).toBe(200);
    expect(applied.body.secrets.map((s: any) => s.party)).toEqual(["newcomer"]);
    const after = await exportOf(dst);
    expect(after.parties.find((p: any) => p.name === "batch").display_name).toBe("Batch job");
  });

  it("an invalid item leaves nothing written", async () => {
    const dst = await newTrack();
    const doc = { fennec_export_version: 1, parties: [{ name: "fine", resource: { scopes: ["a"] } }, { name: "bad", client: { resource_scopes: [{ resource: "fine", scopes: ["nope"] }] } }] };
    const r = await importDoc(dst, doc, "apply");
    expectProblem(r, 422);
    expect(r.body.errors).toEqual([expect.objectContaining({ field: "parties.1.client.resource_scopes.0.scopes.0", detail: expect.stringContaining("nope") })]);
    expect((await exportOf(dst)).parties).toEqual([]);
  });

  it("claim transforms are checked against the audiences the document gives its new resources", async () => {
    const dst = await newTrack();
    const doc = {
      fennec_export_version: 1,
      parties: [
        { name: "wide-api", resource: { scopes: ["a"], audience: `https://${"w".repeat(480)}.example` } },
        { name: "echo", client: { resource_scopes: [{ resource: "wide-api", scopes: ["a"] }] }, claim_transforms: [{ type: "concatenate", claims_in: ["aud"], claims_out: ["x"], transformation: "{0}{0}{0}{0}{0}" }] },
      ],
    };
    // apply first: it is refused after the resource was written inside the transaction, which rolls back
    for (const mode of ["apply", "dry_run"]) {
      const r = await importDoc(dst, doc, mode);
      expectProblem(r, 422);
      expect(r.body.errors.map((e: any) => e.field)).toEqual(["parties.1.claim_transforms.0"]);
      expect((await exportOf(dst)).parties).toEqual([]);
    }
  });
});

describe("refused documents", () => {
  let dst: string;
  beforeAll(async () => {
    dst = await newTrack();
  });
  const fields = (r: any) => r.body.errors.map((e: any) => e.field);

  it("a newer version", async () => {
    const r = await importDoc(dst, { ...exported, fennec_export_version: 2 });
    expectProblem(r, 422);
    expect(fields(r)).toEqual(["fennec_export_version"]);
    expect(r.body.errors[0].detail).toMatch(/version 2/);
  });

  it("a protected party: the Control API resource, the bootstrap client", async () => {
    const r = await importDoc(`/${tenant}/master`, doc1({ name: "control_api", resource: { scopes: ["tenant"] } }));
    expectProblem(r, 422);
    expect(fields(r)).toEqual(["parties.0.name"]);
    const boot = await importDoc("/master/master", doc1({ name: sharedServer().bootstrapClient.id, client: {} }));
    expectProblem(boot, 422);
    expect(fields(boot)).toEqual(["parties.0.name"]);
  });

  it("a resource neither in the document nor in the track", async () => {
    const r = await importDoc(dst, doc1({ name: "c", client: { resource_scopes: [{ resource: "ghost-api", scopes: ["read"] }] } }));
    expectProblem(r, 422);
    expect(fields(r)).toEqual(["parties.0.client.resource_scopes.0.resource"]);
  });

  it("invalid values, each with its field path", async () => {
    const r = await importDoc(dst, {
      fennec_export_version: 1,
      parties: [
        { name: "a", client: { access_token_lifetime: 5 } },
        { name: "b", resource: { scopes: ["ok"] }, claim_transforms: [{ type: "concatenate", claims_in: ["sub"], claims_out: ["x"], transformation: "{0}{1}" }] },
      ],
    });
    expectProblem(r, 422);
    expect(fields(r)).toContain("parties.0.client.access_token_lifetime");
    expect(fields(r).some((f: string) => f.startsWith("parties.1.claim_transforms.0"))).toBe(true);
    const key = await importDoc(dst, doc1({ name: "c", client: { auth_method: "private_key_jwt", keys: [{ kid: "k", jwk: { kty: "RSA", n: "x", e: "AQAB", d: "secret" } }] } }));
    expectProblem(key, 422);
    expect(fields(key)).toEqual(["parties.0.client.keys.0.jwk"]);
    expect(key.body.errors[0].detail).toMatch(/private key/);
  });

  it("hostile input: duplicated names, wrong types, unknown fields, too large, not JSON: 4xx, never 500", async () => {
    const dup = await importDoc(dst, { fennec_export_version: 1, parties: [{ name: "x", resource: { scopes: ["a"] } }, { name: "X", resource: { scopes: ["a"] } }] });
    expectProblem(dup, 422);
    expect(fields(dup)).toEqual(["parties.1.name"]);
    for (const body of [[], "x", null, { fennec_export_version: "1", parties: [] }, { fennec_export_version: 1, parties: "x" }, { fennec_export_version: 1, parties: [{ name: 5 }] }, { fennec_export_version: 1, parties: [], extra: 1 }, doc1({ name: "s", client: { secret: "leak" } })]) {
      const r = await api(`${dst}/import?mode=dry_run`, { method: "POST", token, body: JSON.stringify(body), headers: { "content-type": "application/json" } });
      expect([400, 422], JSON.stringify(body)).toContain(r.status);
      expectProblem(r, r.status);
    }
    const many = Array.from({ length: 1001 }, (_, i) => ({ name: `p${i}`, resource: { scopes: ["a"] } }));
    const tooMany = await importDoc(dst, { fennec_export_version: 1, parties: many });
    expectProblem(tooMany, 422);
    expect(fields(tooMany)).toEqual(["parties"]);
    const huge = JSON.stringify({ fennec_export_version: 1, parties: [], pad: "x".repeat(4 * 1024 * 1024) });
    expectProblem(await api(`${dst}/import?mode=apply`, { method: "POST", token, body: huge, headers: { "content-type": "application/json" } }), 413);
    expectProblem(await api(`${dst}/import`, { method: "POST", token, body: "{not json", headers: { "content-type": "application/json" } }), 400);
    expectProblem(await api(`${dst}/import`, { method: "POST", token, body: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } }), 415);
    expectProblem(await api(`${dst}/import?mode=later`, { method: "POST", token, body: exported }), 422);
    expect((await exportOf(dst)).parties).toEqual([]);
  });

  it("a tenant administrator cannot import a client holding control_api:master", async () => {
    const admin = uniqueName("port-admin");
    const c = await api("/master/master/parties", { method: "POST", token, body: { name: admin, client: { resource_scopes: [{ resource: "control_api", scopes: ["tenant"] }] } } });
    expect(c.status).toBe(201);
    const t = await postToken(tokenEndpoint("master", "master"), { grant_type: "client_credentials", client_id: admin, client_secret: c.body.secret, scope: "control_api:tenant" });
    expect(t.status).toBe(200);
    const escalate = doc1({ name: uniqueName("escalate"), client: { resource_scopes: [{ resource: "control_api", scopes: ["master"] }] } });
    expectProblem(await importDoc("/master/master", escalate, "apply", t.body.access_token), 403);
    expect((await api(`/master/master/parties/${escalate.parties[0].name}`, { token })).status).toBe(404);
    expectProblem(await importDoc(dst, exported, "dry_run", t.body.access_token), 403);
  });
});
