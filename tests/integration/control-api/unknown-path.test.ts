import { describe, expect, it } from "vitest";
import { api, expectProblem, master } from "../../support/fennec";

// Everything under /api/control answers problem+json: an unknown path is a 404 problem, not the UI's HTML page.
describe("Control API: a path no route serves", () => {
  it.each([
    ["GET", "/master/master/no-such-resource"],
    ["POST", "/master/master/no-such-resource"],
    ["DELETE", "/master/master/parties/x/keys/a/b"],
    ["GET", "/nope"],
    ["GET", ""],
    ["PUT", "/tenants/master/extra/segments/here"],
  ])("%s /api/control%s is a 404 problem", async (method, path) => {
    const r = await api(path, { method, token: await master() });
    expectProblem(r, 404);
    expect(r.body.detail).toMatch(/no Control API resource/);
    expect(r.body.instance).toBe(`/api/control${path}`);
  });

  it("needs no token to say so, and a known path still asks for one", async () => {
    expectProblem(await api("/master/master/no-such-resource"), 404);
    expectProblem(await api("/tenants"), 401);
  });
});
