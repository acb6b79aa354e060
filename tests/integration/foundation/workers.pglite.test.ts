import { describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../support/server";
import { postToken } from "../../support/token";

// FENNEC_WORKERS on PGlite: the embedded database serves one process, so the server stays one.

const boot = { id: "workers-admin", secret: "workers-admin-secret-0123456789abcdef" };
const listeningPids = (s: TestServer) => [...s.logs().matchAll(/Fennec: listening on port \d+ .*pid (\d+)/g)].map((m) => Number(m[1]));
const token = (s: TestServer) =>
  postToken(`${s.url}/master/master/oauth/token`, { grant_type: "client_credentials", client_id: boot.id, client_secret: boot.secret, scope: "control_api:master" });

describe("worker processes on PGlite", () => {
  it("serves from one process and says FENNEC_WORKERS is ignored", async () => {
    const s = await startServer({ env: { FENNEC_WORKERS: "2", FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret } });
    try {
      expect((await token(s)).status).toBe(200);
      expect(s.logs()).toMatch(/FENNEC_WORKERS=2 is ignored: the embedded database serves one process/);
      expect(listeningPids(s)).toHaveLength(1);
    } finally {
      await s.stop();
    }
  });
});
