import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { groupRss } from "../../support/process-memory";
import { startServer, type TestServer } from "../../support/server";
import { assertion, JWT_BEARER, newKey, postToken } from "../../support/token";
import { controlClient } from "../../support/control-api";

// An anonymous caller must not be able to make the server keep what it sends. Before the fix, each
// token request with a made-up client id left that id in the client cache and the failure throttle:
// 27,536 requests with a 60,000-character id took the server to a heap-limit crash.

const bootstrap = { id: "hostile-admin", secret: randomBytes(32).toString("base64url") };
let server: TestServer;
let tokenUrl: string;
let clientSecret: string;

beforeAll(async () => {
  // one process: with FENNEC_WORKERS each worker's heap settles on its own, and their sum is no measure
  server = await startServer({
    env: { FENNEC_WORKERS: "1", FENNEC_BOOTSTRAP_CLIENT_ID: bootstrap.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: bootstrap.secret },
  });
  const control = await controlClient(server.url, bootstrap);
  await control.call("POST", "master/master/parties", { name: "api", resource: { scopes: ["read"] } });
  const created = await control.call("POST", "master/master/parties", { name: "svc", client: { resource_scopes: [{ resource: "api", scopes: ["read"] }] } });
  clientSecret = created.secret;
  tokenUrl = `${server.url}/master/master/oauth/token`;
});
afterAll(async () => server?.stop());

const legit = () => postToken(tokenUrl, { grant_type: "client_credentials", client_id: "svc", client_secret: clientSecret, scope: "api:read" });

/** Sends `count` requests made by `body(i)`, `concurrency` at a time; returns how often each status came back. */
async function flood(count: number, concurrency: number, body: (i: number) => Promise<Record<string, string>> | Record<string, string>) {
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const r = await fetch(tokenUrl, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(await body(i)),
      });
      await r.arrayBuffer();
      statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}

describe("attacker-chosen client ids are never kept", () => {
  it("a 60,000-character client_id is refused as invalid_client", async () => {
    const r = await postToken(tokenUrl, { grant_type: "client_credentials", client_id: "a".repeat(60_000), client_secret: "x" });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ error: "invalid_client", error_description: "client authentication failed" });
  });

  it("an assertion whose iss is 12 KB is refused as invalid_client", async () => {
    const { privateKey } = await newKey("ES256");
    const a = await assertion("x", `${server.url}/master/master/`, { key: privateKey, alg: "ES256", iss: "b".repeat(12_000), sub: "b".repeat(12_000) });
    const r = await postToken(tokenUrl, { grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: a });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe("invalid_client");
  });

  it("thousands of distinct huge client ids leave memory flat, and warm clients keep working", async () => {
    expect((await legit()).status).toBe(200);
    const { privateKey } = await newKey("ES256");
    const issuer = `${server.url}/master/master/`;
    // A first round of the same floods lets the heap grow to what such traffic needs as garbage (both
    // kinds: the assertion path allocates differently); a second round then adds to resident memory
    // only what the server keeps.
    const hugeId = (i: number) => ({ grant_type: "client_credentials", client_id: `${i}-${randomBytes(8).toString("hex")}`.padEnd(60_000, "z"), client_secret: "x" });
    const hugeIss = async (i: number) => {
      const long = `${i}-${randomBytes(8).toString("hex")}`.padEnd(12_000, "y");
      return { grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: await assertion(long, issuer, { key: privateKey, alg: "ES256" }) };
    };
    await flood(4000, 20, hugeId);
    await flood(1000, 20, hugeIss);
    const before = groupRss(server.pid);
    const ids = await flood(4000, 20, hugeId);
    const iss = await flood(1000, 20, hugeIss);
    expect([...ids.entries()]).toEqual([[401, 4000]]);
    expect([...iss.entries()]).toEqual([[401, 1000]]);
    const grown = groupRss(server.pid) - before;
    // 4,000 × 60 KB + 1,000 × 12 KB kept would be about 250 MB
    console.log(`hostile-load: resident memory grew by ${Math.round(grown / 2 ** 20)} MB over the second flood`);
    // Through the Next.js route handlers (FENNEC_FAST_MOUNT=off) the process's resident memory swings by
    // 1–130 MB between runs of this same flood (Next.js's own garbage), so it measures nothing there; the
    // caches the flood aims at are lib/oauth's, shared by both mounts, and the fast mount's pass holds them
    // to the limit.
    if (process.env.FENNEC_FAST_MOUNT !== "off") expect(grown, `resident memory grew by ${Math.round(grown / 2 ** 20)} MB`).toBeLessThan(100 * 2 ** 20);
    expect((await legit()).status).toBe(200);
  });
});
