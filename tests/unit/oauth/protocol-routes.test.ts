import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isProtocolNamespace, matchProtocolPath } from "@/lib/oauth/match-protocol-path";
import { isPage } from "@/proxy";
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

describe("isProtocolNamespace", () => {
  const inside = [
    "/acme/prod/oauth",
    "/acme/prod/oauth/",
    "/acme/prod/oauth/unknown",
    "/acme/prod/oauth/token/extra",
    "/acme/prod/.well-known",
    "/acme/prod/.well-known/whatever",
    "/acme/prod/.well-known/openid-configuration/keys/x",
    "/acme/prod/app1/oauth/authorize",
    "/acme/prod/app1/.well-known/x",
    "/.well-known",
    "/.well-known/security.txt",
    "/.well-known/oauth-authorization-server/acme",
  ];
  const outside = [
    "/control/acme/oauth",
    "/control/acme/oauth/applications",
    "/signin/a/oauth/x",
    "/api/control/oauth/x",
    "/_next/a/oauth/x",
    "/acme/prod",
    "/acme/prod/app1",
    "/acme/prod/app1/extra/oauth/token",
    "/acme/prod/oauthx",
    "/acme//oauth/x",
    "/acme/prod/oauth//x",
    "/",
  ];
  it.each(inside)("%s is the protocol's, and not a page", (p) => {
    expect(isProtocolNamespace(p)).toBe(true);
    expect(isPage(p)).toBe(false);
  });
  it.each(outside)("%s is not", (p) => expect(isProtocolNamespace(p)).toBe(false));
  it("leaves the UI's pages pages", () => {
    for (const p of ["/control/acme/oauth", "/control/acme/oauth/applications", "/signin", "/control"]) expect(isPage(p)).toBe(true);
  });
});
