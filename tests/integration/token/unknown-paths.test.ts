import { describe, expect, it } from "vitest";
import { sharedServer } from "../../support/fennec";

// A path below a track's (or party's) `oauth/` or `.well-known/`, or below `/.well-known/`, that no
// endpoint answers is the protocol's JSON 404 with the protocol headers, on both mounts (this folder runs
// again with FENNEC_FAST_MOUNT=off); the Control UI's own paths stay the UI's.

const UNKNOWN = [
  "/master/master/oauth/unknown",
  "/master/master/oauth/token/extra",
  "/master/master/oauth",
  "/master/master/oauth/authorize",
  "/master/master/.well-known/whatever",
  "/master/master/.well-known/openid-configuration/keys/extra",
  "/master/master/some-party/oauth/unknown",
  "/master/master/some-party/.well-known/whatever",
  "/nosuch/track/oauth/x/y/z",
  "/.well-known/whatever",
  "/.well-known/oauth-authorization-server/master",
];

describe("unknown protocol paths", () => {
  it.each(UNKNOWN)("GET %s is a JSON 404 with the protocol headers", async (p) => {
    const r = await fetch(`${sharedServer().url}${p}`, { redirect: "manual" });
    const text = await r.text();
    expect(r.status, text).toBe(404);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(JSON.parse(text)).toEqual({ error: "not_found", error_description: "no protocol endpoint at this path" });
    expect(r.headers.get("cache-control")).toBe("no-store");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("referrer-policy")).toBe("no-referrer");
    expect(r.headers.get("content-security-policy")).toBeNull(); // not a page
  });

  it.each(["POST", "PUT", "DELETE", "OPTIONS"])("%s on an unknown path is the same 404", async (method) => {
    const r = await fetch(`${sharedServer().url}/master/master/oauth/unknown`, { method, body: method === "POST" || method === "PUT" ? "a=b" : undefined });
    expect(r.status).toBe(404);
    expect(((await r.json()) as { error: string }).error).toBe("not_found");
  });

  it("HEAD has the 404 without a body", async () => {
    const r = await fetch(`${sharedServer().url}/master/master/.well-known/whatever`, { method: "HEAD" });
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await r.text()).toBe("");
  });

  it("the real endpoints beside them still answer", async () => {
    const { url } = sharedServer();
    expect((await fetch(`${url}/master/master/.well-known/openid-configuration`)).status).toBe(200);
    expect((await fetch(`${url}/master/master/.well-known/openid-configuration/keys`)).status).toBe(200);
    expect((await fetch(`${url}/.well-known/oauth-authorization-server/master/master`)).status).toBe(200);
    const t = await fetch(`${url}/master/master/oauth/token`, { method: "POST", body: new URLSearchParams({ grant_type: "client_credentials" }) });
    expect(t.status).toBe(401);
  });

  it("the Control UI keeps its paths: a track named oauth, and unknown UI paths, are HTML", async () => {
    const { url } = sharedServer();
    for (const p of ["/control/master/oauth", "/control/master/oauth/applications", "/control/master/master/oauth/x", "/master/master", "/master/master/nothing"]) {
      const r = await fetch(`${url}${p}`, { redirect: "manual" });
      await r.text();
      expect(r.headers.get("content-type") ?? "", p).not.toMatch(/^application\/json/);
      expect([200, 307, 404], p).toContain(r.status);
    }
  });
});
