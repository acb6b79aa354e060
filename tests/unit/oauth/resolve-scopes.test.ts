import { describe, expect, it } from "vitest";
import { OAuthError } from "@/lib/oauth/errors";
import { resolveScopes } from "@/lib/oauth/resolve-scopes";

const grants = [
  { resource: "api1", audience: "api1", scopes: ["read", "write"] },
  { resource: "api2", audience: "https://api2.example.com", scopes: ["read"] },
];

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as OAuthError).error;
  }
  return "ok";
};

describe("resolveScopes", () => {
  it("no scope: audience is the client, no scope claim", () => {
    expect(resolveScopes("c1", grants, undefined, [])).toEqual({ audience: "c1", scope: undefined });
  });

  it("one resource: audience string and scope", () => {
    expect(resolveScopes("c1", grants, "api1:read", [])).toEqual({ audience: "api1", scope: "api1:read" });
  });

  it("two resources: audience array, configured audience URI used", () => {
    expect(resolveScopes("c1", grants, "api1:read api2:read", [])).toEqual({
      audience: ["api1", "https://api2.example.com"],
      scope: "api1:read api2:read",
    });
  });

  it("bare resource name selects the resource", () => {
    expect(resolveScopes("c1", grants, "api2", [])).toEqual({ audience: "https://api2.example.com", scope: "api2" });
  });

  it("ungranted scope or resource is invalid_scope", () => {
    expect(code(() => resolveScopes("c1", grants, "api2:write", []))).toBe("invalid_scope");
    expect(code(() => resolveScopes("c1", grants, "api3", []))).toBe("invalid_scope");
    expect(code(() => resolveScopes("c1", grants, "api1:read\"x", []))).toBe("invalid_scope");
  });

  it("RFC 8707 resource narrows audiences by name or audience URI", () => {
    expect(resolveScopes("c1", grants, "api1:read api2:read", ["https://api2.example.com"])).toEqual({
      audience: "https://api2.example.com",
      scope: "api2:read",
    });
    expect(resolveScopes("c1", grants, "api1:read api2:read", ["api1"])).toEqual({ audience: "api1", scope: "api1:read" });
  });

  it("resource outside the grants or the requested scope is invalid_target", () => {
    expect(code(() => resolveScopes("c1", grants, "api1:read", ["api2"]))).toBe("invalid_target");
    expect(code(() => resolveScopes("c1", grants, undefined, ["https://evil.example"]))).toBe("invalid_target");
  });

  it("resource alone selects that resource's audience", () => {
    expect(resolveScopes("c1", grants, undefined, ["api1"])).toEqual({ audience: "api1", scope: undefined });
  });
});
