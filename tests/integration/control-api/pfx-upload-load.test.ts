import { beforeAll, describe, expect, it } from "vitest";
import { pfx, rsaCertificate, withMacIterations } from "../../support/client-keys";
import { api, master, tokenEndpoint, uniqueName } from "../../support/fennec";
import { postToken } from "../../support/token";

// A .pfx names its own key-derivation iteration counts. Opened on the main thread, a handful of costly
// uploads at once stalled every token request for seconds; they are opened in worker threads now.

let token: string;
const tenant = uniqueName("pfx-load");
let secret: string;

beforeAll(async () => {
  token = await master();
  expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
  expect((await api(`/${tenant}/master/parties`, { method: "POST", token, body: { name: "api", resource: { scopes: ["read"] } } })).status).toBe(201);
  const svc = await api(`/${tenant}/master/parties`, {
    method: "POST",
    token,
    body: { name: "svc", client: { resource_scopes: [{ resource: "api", scopes: ["read"] }] } },
  });
  secret = svc.body.secret;
  await api(`/${tenant}/master/parties`, { method: "POST", token, body: { name: "uploader", client: { auth_method: "private_key_jwt" } } });
});

function upload(file: Buffer, password: string) {
  const form = new FormData();
  form.set("file", new Blob([new Uint8Array(file)]), "client.pfx");
  form.set("password", password);
  return api(`/${tenant}/master/parties/uploader/keys`, { method: "POST", token, body: form });
}

const getToken = () => postToken(tokenEndpoint(tenant, "master"), { grant_type: "client_credentials", client_id: "svc", client_secret: secret, scope: "api:read" });

describe("costly .pfx uploads", () => {
  it("do not hold up token requests while they are read", async () => {
    expect((await getToken()).status).toBe(200);
    // one upload first, so that loading the route's code on first use is not measured
    expect((await upload(pfx(rsaCertificate(), "pw"), "wrong")).status).toBe(422);
    // each asks for 50,000 iterations in each of its three key derivations (the most Fennec reads), with
    // PBKDF2-HMAC-SHA256 and AES-256 as OpenSSL 3 writes them: about 0.4 s of work in node-forge per file
    const costly = pfx(rsaCertificate(), "pw", { iterations: 50_000, algorithm: "aes256" });
    const uploads = Array.from({ length: 8 }, () => upload(costly, "pw"));
    const latencies: number[] = [];
    let settled = false;
    const all = Promise.all(uploads).finally(() => (settled = true));
    while (!settled) {
      const started = performance.now();
      expect((await getToken()).status).toBe(200);
      latencies.push(performance.now() - started);
    }
    const results = await all;
    // the same key eight times: read in full each time, stored once
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    expect(latencies.length).toBeGreaterThan(0);
    // read on the main thread, one token request waited over 7 s; a busy shared machine adds some 0.6 s at worst
    expect(Math.max(...latencies), `token latencies during the uploads: ${latencies.map(Math.round).join(", ")} ms`).toBeLessThan(1500);
  });

  it("refuses a file that asks for more iterations than real tools write", async () => {
    const r = await upload(withMacIterations(pfx(rsaCertificate(), "pw"), 300_000), "pw");
    expect(r.status).toBe(422);
    expect(r.body.errors[0].detail).toMatch(/asks for 300,000 key-derivation iterations; Fennec reads files with at most 50,000/);
  });
});
