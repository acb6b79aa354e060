import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dbMode, startServer, type TestServer } from "../../support/server";
import { postToken } from "../../support/token";
import { controlClient } from "../../support/control-api";

// The custom server and Next.js's server bundle are two module graphs in one process. The state they
// share must exist once: one PGlite instance (two on one folder would corrupt it), one Prisma client,
// one change feed with one set of listeners, one set of caches. Seen from outside: each of those
// prints one line when it is made, and a change made through Next.js (the Control API) reaches the
// fast mount's caches at once, not a poll later.

const boot = { id: "state-admin", secret: "state-admin-secret-0123456789abcdef" };
let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    env: { FENNEC_FAST_MOUNT: "on", FENNEC_WORKERS: "1", FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret },
  });
});
afterAll(async () => server?.stop());

const lines = (re: RegExp) => server.logs().split("\n").filter((l) => re.test(l));

describe(`one state per process (${dbMode()})`, () => {
  it("a secret deleted through Next.js is refused by the fast mount at once", async () => {
    const control = await controlClient(server.url, boot); // its token came from the fast mount
    await control.call("POST", "master/master/parties", { name: "api1", resource: { scopes: ["read"] } });
    await control.call("POST", "master/master/parties", {
      name: "svc",
      client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "api1", scopes: ["read"] }] },
    });
    const { id, secret } = (await control.call("POST", "master/master/parties/svc/secrets", {})) as { id: string; secret: string };
    const ask = () =>
      postToken(`${server.url}/master/master/oauth/token`, { grant_type: "client_credentials", client_id: "svc", client_secret: secret, scope: "api1:read" });
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200); // warm: the match is cached in the fast mount's process state

    await control.call("DELETE", `master/master/parties/svc/secrets/${id}`);
    const after = await ask();
    expect(after.status, "the change feed's listeners are shared by both module graphs").toBe(401);
  });

  it("made one change feed, and on PGlite one database instance, whichever module graph asked", async () => {
    // both graphs have served: the fast mount tokens above, Next.js the Control API and its token checks
    const feeds = lines(/Fennec: change feed polling every/);
    expect(feeds).toHaveLength(1);
    const pglite = lines(/Fennec: opened the embedded database in/);
    expect(pglite).toHaveLength(dbMode() === "pglite" ? 1 : 0);
  });
});
