import { describe, expect, it } from "vitest";
import { raw } from "../../support/http";
import { startServer, type TestServer } from "../../support/server";
import { postToken } from "../../support/token";
import { controlClient } from "../../support/control-api";

// FENNEC_WORKERS: on PostgreSQL, that many processes share the port (node:cluster) after one
// preparation; a worker that dies is replaced; SIGTERM stops them all. (PGlite: workers.pglite.test.ts.)

const boot = { id: "workers-admin", secret: "workers-admin-secret-0123456789abcdef" };
const env = (workers: string) => ({ FENNEC_WORKERS: workers, FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret });
const listeningPids = (s: TestServer) => [...s.logs().matchAll(/Fennec: listening on port \d+ .*pid (\d+)/g)].map((m) => Number(m[1]));
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
const token = (s: TestServer) =>
  postToken(`${s.url}/master/master/oauth/token`, { grant_type: "client_credentials", client_id: boot.id, client_secret: boot.secret, scope: "control_api:master" });

async function until(what: string, ok: () => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("worker processes on PostgreSQL", () => {
  it("prepares once, serves from every worker, replaces a dead one, and stops them all on SIGTERM", async () => {
    const s = await startServer({ env: env("2") });
    try {
      await until("two workers listening", () => listeningPids(s).length === 2);
      expect(s.logs()).toMatch(/started 2 worker processes/);
      expect(s.logs().match(/applied \d+ migration/g)).toHaveLength(1);
      const [first, second] = listeningPids(s);
      expect(first).not.toBe(second);
      for (let i = 0; i < 10; i++) expect((await token(s)).status).toBe(200);

      // a change committed through one worker reaches the other's caches at once, not at its next poll
      const control = await controlClient(s.url, boot);
      await control.call("POST", "master/master/parties", { name: "api1", resource: { scopes: ["read"] } });
      await control.call("POST", "master/master/parties", { name: "svc", client: { resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
      const { id, secret } = (await control.call("POST", "master/master/parties/svc/secrets", {})) as { id: string; secret: string };
      const body = new URLSearchParams({ grant_type: "client_credentials", client_id: "svc", client_secret: secret }).toString();
      // each on a new connection: the primary hands connections to the workers in turn
      const ask = () => raw(s.url, "POST", "/master/master/oauth/token", { headers: { "content-type": "application/x-www-form-urlencoded" }, chunks: [body] });
      for (let i = 0; i < 6; i++) expect((await ask()).status).toBe(200);
      await control.call("DELETE", `master/master/parties/svc/secrets/${id}`);
      const after = [];
      for (let i = 0; i < 6; i++) after.push((await ask()).status);
      expect(after, "every worker refuses the deleted secret at once").toEqual([401, 401, 401, 401, 401, 401]);

      process.kill(first, "SIGKILL");
      await until("a replacement worker", () => listeningPids(s).length === 3);
      expect(s.logs()).toMatch(new RegExp(`worker ${first} stopped \\(SIGKILL\\); starting another`));
      for (let i = 0; i < 10; i++) expect((await token(s)).status).toBe(200);
    } finally {
      await s.stop();
    }
    expect(await s.exited).toBe(0);
    for (const pid of listeningPids(s)) expect(alive(pid), `worker ${pid} still runs`).toBe(false);
  });
});
