import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbMode, startServer, type TestServer } from "../../support/server";
import { controlClient } from "../../support/control-api";

// Usage buckets (README "Operations"): every instance counts in memory and adds its per-minute counts
// to the same rows; on PostgreSQL two instances share one database and the answer is their sum.

const boot = { id: "usage-admin", secret: "usage-admin-secret-0123456789abcdef" };
const FORM = { "content-type": "application/x-www-form-urlencoded" };
type Usage = {
  totals: { issued: number; failed: number };
  series: { at: string; issued: number; failed: number }[];
  clients: { client: string | null; issued: number; failed: number; last_issued_at: string | null }[];
  errors: { error: string; count: number }[];
  granularity: string;
};

let a: TestServer;
let b: TestServer;
let control: Awaited<ReturnType<typeof controlClient>>;
const secrets: Record<string, { id: string; secret: string }> = {};

const token = (server: TestServer, client: string, secret: string) =>
  fetch(`${server.url}/use/prod/oauth/token`, {
    method: "POST",
    headers: FORM,
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: client, client_secret: secret }),
  });

beforeAll(async () => {
  a = await startServer({ env: { FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret } });
  // on PostgreSQL a second instance on the same database; the embedded database serves one process
  b = dbMode() === "postgres" ? await startServer({ databaseUrl: a.env.DATABASE_URL, env: { FENNEC_KEY_ENCRYPTION_KEY: a.env.FENNEC_KEY_ENCRYPTION_KEY } }) : a;
  control = await controlClient(a.url, boot);
  await control.call("POST", "tenants", { name: "use" });
  await control.call("POST", "use/tracks", { name: "prod" });
  for (const name of ["alpha", "beta"]) {
    await control.call("POST", "use/prod/parties", { name, client: { auth_method: "client_secret_post" } });
    secrets[name] = await control.call("POST", `use/prod/parties/${name}/secrets`, {});
  }
}, 240_000);

afterAll(async () => {
  if (b !== a) await b?.stop();
  await a?.stop();
});

async function usage(query = ""): Promise<Usage> {
  return (await control.call("GET", `use/prod/usage${query}`)) as Usage;
}

describe("token usage", () => {
  it("adds up what every instance counted, per client and error code, and stamps last_used_at", async () => {
    for (let i = 0; i < 3; i++) expect((await token(a, "alpha", secrets.alpha.secret)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await token(b, "alpha", secrets.alpha.secret)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await token(b, "beta", "wrong-secret-0123456789abcdef")).status).toBe(401);
    expect((await token(a, "beta", secrets.beta.secret)).status).toBe(200);

    let u: Usage | undefined;
    for (let i = 0; i < 60; i++) {
      u = await usage("?granularity=minute&from=" + encodeURIComponent(new Date(Date.now() - 3_600_000).toISOString()));
      if (u.totals.issued === 6 && u.totals.failed === 2) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    expect(u!.totals).toEqual({ issued: 6, failed: 2 });
    expect(u!.granularity).toBe("minute");
    expect(u!.series.reduce((n, p) => n + p.issued, 0)).toBe(6);
    const alpha = u!.clients.find((c) => c.client === "alpha")!;
    expect(alpha).toMatchObject({ issued: 5, failed: 0 });
    expect(alpha.last_issued_at).toMatch(/:00\.000Z$/);
    expect(u!.clients.find((c) => c.client === "beta")).toMatchObject({ issued: 1, failed: 2 });
    expect(u!.errors).toEqual([{ error: "invalid_client", count: 2 }]);

    const beta = await usage("?client=beta");
    expect(beta.totals).toEqual({ issued: 1, failed: 2 });
    expect(beta.granularity).toBe("hour");

    const list = (await control.call("GET", "use/prod/parties/alpha/secrets")) as { data: { id: string; last_used_at: string | null }[] };
    const used = list.data.find((s) => s.id === secrets.alpha.id)!;
    expect(used.last_used_at).toMatch(/:00\.000Z$/);
    expect(Date.now() - Date.parse(used.last_used_at!)).toBeLessThan(10 * 60_000);
  });

  it("refuses a query it cannot answer as problem+json", async () => {
    const get = (q: string) => fetch(`${a.url}/api/control/use/prod/usage${q}`, { headers: { authorization: `Bearer ${control.token}` } });
    for (const q of ["?granularity=week", "?from=yesterday", "?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "?from=2020-01-01T00:00:00Z&granularity=minute", "?client=a%20b"]) {
      const r = await get(q);
      expect(r.status, q).toBe(422);
      expect(r.headers.get("content-type")).toMatch(/problem\+json/);
    }
    expect((await get("?client=nobody")).status).toBe(200);
    expect((await fetch(`${a.url}/api/control/use/prod/usage`)).status).toBe(401);
  });
});
