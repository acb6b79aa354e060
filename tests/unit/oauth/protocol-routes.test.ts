import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { matchProtocolPath } from "@/lib/oauth/match-protocol-path";
import { PROTOCOL_ROUTES } from "@/lib/oauth/protocol-routes";

const appDir = path.resolve(import.meta.dirname, "../../../app");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [p] : [];
  });
}

describe("the protocol route table", () => {
  it("is exactly the route files under app/ that mount the protocol core, with the same kind", () => {
    const mounted = routeFiles(appDir)
      .map((f) => ({ f, kind: /protocolRoute\("(\w+)"\)/.exec(fs.readFileSync(f, "utf8"))?.[1] }))
      .filter((r) => r.kind)
      .map((r) => ({ pattern: path.dirname(path.relative(appDir, r.f)).replace(/^/, "/"), kind: r.kind }));
    const key = (r: { pattern: string; kind?: string }) => `${r.pattern} ${r.kind}`;
    expect(mounted.map(key).sort()).toEqual(PROTOCOL_ROUTES.map(key).sort());
  });
});

describe("matchProtocolPath", () => {
  it.each([
    ["/acme/prod/oauth/token", "token", { tenant: "acme", track: "prod" }],
    ["/acme/prod/billing/oauth/token", "token", { tenant: "acme", track: "prod", party: "billing" }],
    ["/acme/prod/oauth/introspect", "introspect", { tenant: "acme", track: "prod" }],
    ["/acme/prod/billing/oauth/introspect", "introspect", { tenant: "acme", track: "prod", party: "billing" }],
    ["/acme/prod/oauth/revoke", "revoke", { tenant: "acme", track: "prod" }],
    ["/acme/prod/billing/oauth/revoke", "revoke", { tenant: "acme", track: "prod", party: "billing" }],
    ["/acme/prod/.well-known/openid-configuration", "discovery", { tenant: "acme", track: "prod" }],
    ["/acme/prod/billing/.well-known/openid-configuration", "discovery", { tenant: "acme", track: "prod", party: "billing" }],
    ["/.well-known/oauth-authorization-server/acme/prod", "discovery", { tenant: "acme", track: "prod" }],
    ["/.well-known/oauth-authorization-server/acme/prod/", "discovery", { tenant: "acme", track: "prod" }],
    ["/acme/prod/.well-known/openid-configuration/keys", "jwks", { tenant: "acme", track: "prod" }],
    ["/acme/prod/billing/.well-known/openid-configuration/keys", "jwks", { tenant: "acme", track: "prod", party: "billing" }],
    ["/healthz", "healthz", {}],
    ["/readyz/", "readyz", {}],
  ])("%s is %s", (p, kind, params) => {
    expect(matchProtocolPath(p)).toEqual({ kind, params });
  });

  it("prefers a static segment to a parameter where two routes both fit, as Next.js does", () => {
    expect(matchProtocolPath("/.well-known/oauth-authorization-server/oauth/token")).toEqual({
      kind: "discovery",
      params: { tenant: "oauth", track: "token" },
    });
  });

  it("decodes each parameter exactly once", () => {
    expect(matchProtocolPath("/ma%73ter/master/oauth/token")?.params).toEqual({ tenant: "master", track: "master" });
    expect(matchProtocolPath("/ma%2573ter/master/oauth/token")?.params).toEqual({ tenant: "ma%73ter", track: "master" });
    expect(matchProtocolPath("/a%2Fb/master/oauth/token")?.params).toEqual({ tenant: "a/b", track: "master" });
  });

  it("marks a malformed percent-encoding (the 400 proxy.ts also gives)", () => {
    expect(matchProtocolPath("/master/%E0%A4%A/oauth/token")).toEqual({ kind: "token", params: null });
  });

  it.each([
    "/", "/acme", "/acme/prod", "/acme/prod/oauth", "/acme/prod/oauth/token/x", "/acme/prod/OAUTH/TOKEN",
    "/api/auth/oauth/token", "/api/control/oauth/token", "/_next/x/.well-known/openid-configuration",
    "//acme/prod/oauth/token", "/acme//prod/oauth/token", "/acme/prod/oauth/token//",
    "/acme/./prod/oauth/token", "/acme/prod/../oauth/token", "/acme/%2e%2E/oauth/token", "/acme/.%2e/x/oauth/token",
    "http://evil/acme/prod/oauth/token", "/control/signin",
  ])("leaves %s to Next.js", (p) => {
    expect(matchProtocolPath(p)).toBeNull();
  });
});
