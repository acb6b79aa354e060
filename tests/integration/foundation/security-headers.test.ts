import { describe, expect, it } from "vitest";
import { sharedServer } from "../../support/fennec";

// Browser hardening headers (README "Security"): pages get a nonce-based script policy and may not be
// framed; APIs and the protocol endpoints are never sniffed into something else.

const get = (path: string, init?: RequestInit) => fetch(`${sharedServer().url}${path}`, { redirect: "manual", ...init });

function expectHardened(r: Response) {
  expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  expect(r.headers.get("x-frame-options")).toBe("DENY");
  expect(r.headers.get("referrer-policy")).toBe("no-referrer");
}

function directives(policy: string | null): Map<string, string[]> {
  return new Map((policy ?? "").split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

describe("Control UI pages", () => {
  it.each(["/signin", "/no/such/page", "/control/master/audit"])("%s: no framing, nosniff, no referrer, scripts only with this response's nonce", async (path) => {
    const r = await get(path);
    expectHardened(r);
    const csp = directives(r.headers.get("content-security-policy"));
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    const script = csp.get("script-src") ?? [];
    expect(script).not.toContain("'unsafe-inline'");
    expect(script).not.toContain("'unsafe-eval'");
    const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    if (r.status === 200 || r.status === 404) {
      const html = await r.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    }
  });

  it("a new nonce for every response", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) nonces.add((await get("/signin")).headers.get("content-security-policy") ?? "");
    expect(nonces.size).toBe(3);
  });

  it("a nonce sent in the request's own policy header is not the one used", async () => {
    const r = await get("/signin", { headers: { "content-security-policy": "script-src 'nonce-attackerchosen'" } });
    expect(r.headers.get("content-security-policy")).not.toContain("attackerchosen");
    expect(await r.text()).not.toContain("attackerchosen");
  });
});

describe("APIs and protocol endpoints", () => {
  it.each(["/api/control/tenants", "/api/control/nope", "/api/auth/session", "/api/control/openapi.json"])("%s: nosniff and a policy that loads nothing", async (path) => {
    const r = await get(path);
    expectHardened(r);
    expect(directives(r.headers.get("content-security-policy")).get("default-src")).toEqual(["'none'"]);
  });

  it.each([
    ["GET", "/master/master/.well-known/openid-configuration"],
    ["GET", "/master/master/.well-known/openid-configuration/keys"],
    ["GET", "/.well-known/oauth-authorization-server/master/master/"],
    ["POST", "/master/master/oauth/token"],
    ["GET", "/master/master/oauth/token"],
    ["GET", "/nope/nope/.well-known/openid-configuration"],
    ["GET", "/healthz"],
    ["GET", "/readyz"],
  ])("%s %s: nosniff", async (method, path) => {
    const r = await get(path, { method, ...(method === "POST" ? { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=client_credentials" } : {}) });
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
