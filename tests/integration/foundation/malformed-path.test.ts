import { describe, expect, it } from "vitest";
import { sharedServer } from "../../support/fennec";

// Next.js itself answers these with a bare 500 before any handler; proxy.ts turns them into 400s.
describe("a path with a malformed percent-encoding", () => {
  it.each([
    ["/api/control/%E0%A4%A", "application/problem+json", (b: string) => expect(JSON.parse(b)).toMatchObject({ status: 400 })],
    ["/master/master/%E0%A4%A/oauth/token", "application/json", (b: string) => expect(JSON.parse(b)).toMatchObject({ error: "invalid_request" })],
    ["/master/%ZZ/.well-known/openid-configuration", "application/json", (b: string) => expect(JSON.parse(b)).toMatchObject({ error: "invalid_request" })],
    ["/control/%E0%A4%A", "text/plain", (b: string) => expect(b).toMatch(/^Bad request: /)],
  ])("%s gets a 400 in the format of its part of Fennec", async (path, type, check) => {
    const r = await fetch(`${sharedServer().url}${path}`, { method: path.endsWith("/token") ? "POST" : "GET" });
    expect(r.status).toBe(400);
    expect(r.headers.get("content-type")).toContain(type);
    check(await r.text());
  });

  it("leaves well-formed encodings alone", async () => {
    const r = await fetch(`${sharedServer().url}/master/master/.well-known/openid-configuration`);
    expect(r.status).toBe(200);
    const unknown = await fetch(`${sharedServer().url}/master/master/caf%C3%A9/.well-known/openid-configuration`);
    expect(unknown.status).toBe(404);
  });
});
