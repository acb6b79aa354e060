import { randomUUID } from "node:crypto";
import { createRemoteJWKSet, jwtVerify, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { auditPageSchema, clientKeyViewSchema, createdPartySchema, partyViewSchema, trackViewSchema } from "@/lib/validation/views";
import { api, eventually, master, sharedServer, tokenEndpoint, uniqueName } from "../../support/fennec";
import { decodePayload, postToken } from "../../support/token";
import { makePfx } from "../../support/client-keys";

// The "Done when" path: the bootstrap client manages a new tenant through the API, and what it
// creates works on the real token route.

let token: string;
const tenant = uniqueName("acme");
const track = "prod";
const base = `/${tenant}/${track}`;
let issuer: string;
let billingSecret: string;

beforeAll(async () => {
  token = await master();
});

describe("tenant, track and parties through the Control API", () => {
  it("creates a tenant (with its master track) and a track", async () => {
    const t = await api("/tenants", { method: "POST", token, body: { name: tenant.toUpperCase(), display_name: "Acme" } });
    expect(t.status, JSON.stringify(t.body)).toBe(201);
    expect(t.body).toMatchObject({ name: tenant, display_name: "Acme", version: 1 });
    expect(t.headers.get("etag")).toBe('"1"');

    const masterTrack = await api(`/${tenant}/tracks/master`, { token });
    expect(masterTrack.status).toBe(200);
    const controlApi = await api(`/${tenant}/master/parties/control_api`, { token });
    expect(controlApi.body.resource.scopes).toEqual(["tenant"]);

    const tr = await api(`/${tenant}/tracks`, { method: "POST", token, body: { name: track, signing_algorithm: "ES256" } });
    expect(tr.status, JSON.stringify(tr.body)).toBe(201);
    const view = trackViewSchema.parse(tr.body);
    expect(view.signing_algorithm).toBe("ES256");
    issuer = view.issuer;
    expect(issuer).toBe(`${sharedServer().url}/${tenant}/${track}/`);

    const keys = await api(`${base}/signing-keys`, { token });
    expect(keys.body.data).toHaveLength(1);
    expect(keys.body.data[0]).toMatchObject({ state: "primary", alg: "ES256" });

    const list = await api(`/${tenant}/tracks`, { token });
    expect(list.body.data.map((t: { name: string }) => t.name)).toEqual(["master", track]);
  });

  it("creates a resource with scopes and a client granted some of them; the secret gets a token whose aud and scope match", async () => {
    const res = await api(`${base}/parties`, {
      method: "POST",
      token,
      body: { name: "Orders-API", resource: { scopes: ["write", "read", "admin"] } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: "orders-api", kind: "resource", resource: { scopes: ["admin", "read", "write"], audience: "orders-api" } });
    expect(res.body.secret).toBeUndefined();

    const client = await api(`${base}/parties`, {
      method: "POST",
      token,
      body: { name: "billing", client: { resource_scopes: [{ resource: "orders-api", scopes: ["write", "read"] }] } },
    });
    expect(client.status, JSON.stringify(client.body)).toBe(201);
    expect(client.headers.get("cache-control")).toBe("no-store");
    const created = createdPartySchema.parse(client.body);
    expect(created.client).toMatchObject({
      auth_method: "client_secret_post",
      access_token_lifetime: 3600,
      resource_scopes: [{ resource: "orders-api", scopes: ["read", "write"] }],
      secret_count: 1,
    });
    expect(created.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    billingSecret = created.secret!;

    const t = await postToken(tokenEndpoint(tenant, track), {
      grant_type: "client_credentials",
      client_id: "billing",
      client_secret: created.secret!,
      scope: "orders-api:read orders-api:write",
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);
    const jwks = createRemoteJWKSet(new URL(`${issuer}.well-known/openid-configuration/keys`));
    const { payload, protectedHeader } = await jwtVerify(t.body.access_token, jwks, { issuer, audience: "orders-api", typ: "at+jwt" });
    expect(protectedHeader.alg).toBe("ES256");
    expect(payload.aud).toBe("orders-api");
    expect(payload.scope).toBe("orders-api:read orders-api:write");
    expect(payload.client_id).toBe("billing");

    const denied = await postToken(tokenEndpoint(tenant, track), {
      grant_type: "client_credentials",
      client_id: "billing",
      client_secret: created.secret!,
      scope: "orders-api:admin",
    });
    expect(denied.body.error).toBe("invalid_scope");

    const got = await api(`${base}/parties/BILLING`, { token });
    expect(got.status).toBe(200);
    expect(JSON.stringify(got.body)).not.toContain(created.secret!);
    expect(partyViewSchema.parse(got.body).client?.secret_count).toBe(1);
  });

  it("refuses a grant of a scope the resource does not have, in FoxIDs' words", async () => {
    const r = await api(`${base}/parties`, {
      method: "POST",
      token,
      body: { name: "greedy", client: { resource_scopes: [{ resource: "orders-api", scopes: ["delete"] }, { resource: "nope" }] } },
    });
    expect(r.status).toBe(422);
    expect(r.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: "client.resource_scopes.0.scopes.0", detail: "Resource 'orders-api' scope 'delete' not found." }),
        expect.objectContaining({ field: "client.resource_scopes.1.resource", detail: "Resource 'nope' not found." }),
      ]),
    );
  });

  it("a deleted secret stops working while another one keeps working", async () => {
    const first = await api(`${base}/parties/billing/secrets`, { token });
    expect(first.status).toBe(200);
    expect(first.body.data).toHaveLength(1);
    expect(Object.keys(first.body.data[0]).sort()).toEqual(["created_at", "expired", "expires_at", "id", "info", "last_used_at"]);

    const added = await api(`${base}/parties/billing/secrets`, { method: "POST", token });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.headers.get("cache-control")).toBe("no-store");
    const secret: string = added.body.secret;
    expect(added.body.info).toBe(secret.slice(0, 3));
    const ask = () => postToken(tokenEndpoint(tenant, track), { grant_type: "client_credentials", client_id: "billing", client_secret: secret });
    expect((await ask()).status).toBe(200);

    const del = await api(`${base}/parties/billing/secrets/${added.body.id}`, { method: "DELETE", token });
    expect(del.status).toBe(204);
    const after = await eventually(ask, (r) => r.status !== 200);
    expect(after.status).toBe(401);
    expect(after.body.error).toBe("invalid_client");

    const list = await api(`${base}/parties/billing/secrets`, { token });
    expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([first.body.data[0].id]);
  });

  it("a certificate uploaded as a pfx makes private_key_jwt work", async () => {
    const created = await api(`${base}/parties`, {
      method: "POST",
      token,
      body: {
        name: "batch-job",
        client: { auth_method: "private_key_jwt", resource_scopes: [{ resource: "orders-api", scopes: ["read"] }] },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secret).toBeUndefined();

    const { pfx, privateKey } = makePfx("pfx-pass", "batch-job");
    const wrong = new FormData();
    wrong.set("file", new Blob([new Uint8Array(pfx)]), "batch-job.pfx");
    wrong.set("password", "not-the-password");
    const refused = await api(`${base}/parties/batch-job/keys`, { method: "POST", token, body: wrong });
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].field).toBe("file");

    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(pfx)]), "batch-job.pfx");
    form.set("password", "pfx-pass");
    const up = await api(`${base}/parties/batch-job/keys`, { method: "POST", token, body: form });
    expect(up.status, JSON.stringify(up.body)).toBe(201);
    const key = clientKeyViewSchema.parse(up.body);
    expect(key.subject).toContain("batch-job");
    expect(key["x5t#S256"]).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(up.body)).not.toMatch(/"d"|PRIVATE/);

    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: "RS256", kid: key.kid })
      .setIssuer("batch-job")
      .setSubject("batch-job")
      .setAudience(issuer)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime("60s")
      .sign(privateKey);
    const t = await postToken(tokenEndpoint(tenant, track), {
      grant_type: "client_credentials",
      client_id: "batch-job",
      client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
      client_assertion: assertion,
      scope: "orders-api:read",
    });
    expect(t.status, JSON.stringify(t.body)).toBe(200);

    const dup = await api(`${base}/parties/batch-job/keys`, { method: "POST", token, body: form });
    expect(dup.status).toBe(409);
    const keys = await api(`${base}/parties/batch-job/keys`, { token });
    expect(keys.body.data.map((k: { kid: string }) => k.kid)).toEqual([key.kid]);
  });

  it("PUT replaces a party with its version; removing a resource scope removes it from clients' grants", async () => {
    const before = await api(`${base}/parties/orders-api`, { token });
    const v = before.body.version;
    const put = await api(`${base}/parties/orders-api`, {
      method: "PUT",
      token,
      headers: { "if-match": `"${v}"` },
      body: { name: "orders-api", display_name: "Orders", resource: { scopes: ["read", "admin"] } },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    expect(put.headers.get("etag")).toBe(`"${v + 1}"`);
    expect(put.body).toMatchObject({ display_name: "Orders", version: v + 1 });
    const billing = await api(`${base}/parties/billing`, { token });
    expect(billing.body.client.resource_scopes).toEqual([{ resource: "orders-api", scopes: ["read"] }]);
  });

  it("a resource's new audience reaches the tokens of clients already granted it", async () => {
    const ask = () => postToken(tokenEndpoint(tenant, track), { grant_type: "client_credentials", client_id: "billing", client_secret: billingSecret, scope: "orders-api:read" });
    const before = await ask();
    expect(decodePayload(before.body.access_token).aud).toBe("orders-api");
    const put = await api(`${base}/parties/orders-api`, {
      method: "PUT",
      token,
      body: { name: "orders-api", display_name: "Orders", resource: { scopes: ["read", "admin"], audience: "https://orders.example.com" } },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const after = await eventually(ask, (r) => r.status === 200 && decodePayload(r.body.access_token).aud !== "orders-api");
    expect(decodePayload(after.body.access_token).aud).toBe("https://orders.example.com");
  });

  it("rotates the track's signing key", async () => {
    const r = await api(`${base}/signing-keys/rotate`, { method: "POST", token });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    const primary = r.body.keys.filter((k: { state: string }) => k.state === "primary");
    expect(primary).toHaveLength(1);
    expect(primary[0].kid).toBe(r.body.primary_kid);
    expect(r.body.keys.some((k: { state: string }) => k.state === "secondary")).toBe(true);
  });

  it("every write left an audit event, newest first, without secret values", async () => {
    const r = await api(`/${tenant}/audit?page_size=50`, { token });
    expect(r.status).toBe(200);
    const page = auditPageSchema.parse(r.body);
    const actions = page.data.map((e) => e.action);
    expect(actions[0]).toBe("signing-keys.rotate");
    for (const a of ["tenant.create", "track.create", "party.create", "secret.create", "secret.delete", "client-key.add", "party.update"]) {
      expect(actions).toContain(a);
    }
    expect(page.data.every((e) => e.actor === sharedServer().bootstrapClient.id && e.actor_type === "client")).toBe(true);
    const times = page.data.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    const update = page.data.filter((e) => e.action === "party.update" && e.target_name === "orders-api").at(-1)!;
    expect(update.changes).toMatchObject({ display_name: { from: null, to: "Orders" } });
    expect(JSON.stringify(page.data)).not.toMatch(/"secret":|BEGIN|"hash"/);

    const paged = await api(`/${tenant}/audit?page_size=2`, { token });
    expect(paged.body.data).toHaveLength(2);
    const next = await api(`/${tenant}/audit?page_size=2&cursor=${paged.body.next_cursor}`, { token });
    expect(next.body.data[0].id).toBe(page.data[2].id);
    const filtered = await api(`/${tenant}/audit?action=secret.`, { token });
    expect(filtered.body.data.map((e: { action: string }) => e.action).sort()).toEqual(["secret.create", "secret.delete"]);
  });

  it("lists parties with a filter and pages", async () => {
    const all = await api(`${base}/parties`, { token });
    expect(all.body.data.map((p: { name: string }) => p.name)).toEqual(["batch-job", "billing", "orders-api"]);
    const filtered = await api(`${base}/parties?filter=ORDERS`, { token });
    expect(filtered.body.data.map((p: { name: string }) => p.name)).toEqual(["orders-api"]);
    const p1 = await api(`${base}/parties?page_size=2`, { token });
    expect(p1.body.data).toHaveLength(2);
    const p2 = await api(`${base}/parties?page_size=2&cursor=${p1.body.next_cursor}`, { token });
    expect(p2.body).toMatchObject({ data: [expect.objectContaining({ name: "orders-api" })], next_cursor: null });
  });

  it("deletes a track and then the tenant", async () => {
    expect((await api(`/${tenant}/tracks/${track}`, { method: "DELETE", token })).status).toBe(204);
    expect((await api(`/${tenant}/tracks/${track}`, { token })).status).toBe(404);
    expect((await api(`/tenants/${tenant}`, { method: "DELETE", token })).status).toBe(204);
    expect((await api(`/tenants/${tenant}`, { token })).status).toBe(404);
  });
});
