import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "../../support/server";
import { controlClient } from "../../support/control-api";

// The parties one track may hold come from FENNEC_MAX_PARTIES_PER_TRACK (default 20,000): a server of
// its own with a limit of 3 refuses the fourth with a 409 problem, in any track, and frees the place
// again when one is deleted.

const boot = { id: "limit-admin", secret: "limit-admin-secret-0123456789abcdef" };
let server: TestServer;

beforeAll(async () => {
  server = await startServer({
    env: { FENNEC_MAX_PARTIES_PER_TRACK: "3", FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret },
  });
});
afterAll(async () => server?.stop());

describe("the per-track party limit", () => {
  it("refuses a party past FENNEC_MAX_PARTIES_PER_TRACK with 409, and allows it again after a delete", async () => {
    const control = await controlClient(server.url, boot);
    await control.call("POST", "tenants", { name: "lim" }); // its master track holds control_api: 1
    await control.call("POST", "lim/master/parties", { name: "api1", resource: { scopes: ["read"] } });
    await control.call("POST", "lim/master/parties", { name: "api2", resource: { scopes: ["read"] } });
    const fourth = () =>
      fetch(`${server.url}/api/control/lim/master/parties`, {
        method: "POST",
        headers: { authorization: `Bearer ${control.token}`, "content-type": "application/json" },
        body: JSON.stringify({ name: "api3", resource: { scopes: ["read"] } }),
      });
    const refused = await fourth();
    expect(refused.status).toBe(409);
    expect(refused.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(((await refused.json()) as { detail: string }).detail).toBe("A track has at most 3 parties.");

    await control.call("DELETE", "lim/master/parties/api2");
    expect((await fourth()).status).toBe(201);
  });
});
