import { describe, expect, it } from "vitest";
import {
  RESERVED_PARTY_NAMES,
  RESERVED_TENANT_NAMES,
  RESERVED_TRACK_NAMES,
  displayNameSchema,
  noteSchema,
  partyNameSchema,
  tenantNameSchema,
  trackNameSchema,
} from "@/lib/validation";
import { accepted, chars, refusals } from "./refusals";

const grammar = "Tenant name must be 1-50 letters, digits, '_' or '-'.";

describe("tenant, track and party names", () => {
  it("are trimmed and lowercased", () => {
    expect(accepted(tenantNameSchema, "  Acme_1-Prod ")).toBe("acme_1-prod");
    expect(accepted(trackNameSchema, "TEST")).toBe("test");
    expect(accepted(partyNameSchema, " Web-App ")).toBe("web-app");
  });

  it("hold 1-50 letters, digits, '_' or '-'", () => {
    expect(accepted(tenantNameSchema, chars(50))).toBe(chars(50));
    expect(accepted(tenantNameSchema, "_")).toBe("_");
    expect(accepted(tenantNameSchema, "-")).toBe("-");
    expect(accepted(tenantNameSchema, "0")).toBe("0");
    expect(refusals(tenantNameSchema, chars(51))).toEqual({ "": [grammar] });
    expect(refusals(tenantNameSchema, "")).toEqual({ "": [grammar] });
    expect(refusals(tenantNameSchema, "   ")).toEqual({ "": [grammar] });
    for (const bad of ["a b", "a.b", "a/b", "ä", "a@b", "a\nb", "a+b"]) {
      expect(refusals(tenantNameSchema, bad), bad).toEqual({ "": [grammar] });
    }
    expect(refusals(trackNameSchema, "a.b")).toEqual({ "": ["Track name must be 1-50 letters, digits, '_' or '-'."] });
    expect(refusals(partyNameSchema, "a.b")).toEqual({ "": ["Party name must be 1-50 letters, digits, '_' or '-'."] });
  });

  it("are required", () => {
    expect(refusals(tenantNameSchema, undefined)).toEqual({ "": ["Tenant name is required."] });
    expect(refusals(trackNameSchema, 7)).toEqual({ "": ["Track name is required."] });
    expect(refusals(partyNameSchema, null)).toEqual({ "": ["Party name is required."] });
  });

  it("refuse the names the app's routes would shadow, in any case", () => {
    const routable = RESERVED_TENANT_NAMES.filter((n) => /^[\w-]+$/.test(n));
    expect(routable).toEqual(["api", "control", "signin", "signout", "auth", "healthz", "readyz", "_next", "static", "public", "tenants", "admin-users", "account"]);
    for (const name of routable) {
      expect(refusals(tenantNameSchema, name.toUpperCase()), name).toEqual({ "": ["Tenant name is reserved."] });
      if (name !== "admin-users") expect(accepted(trackNameSchema, name), name).toBe(name);
    }
    expect(RESERVED_TRACK_NAMES).toEqual(["tracks", "audit", "admin-users"]);
    for (const name of RESERVED_TRACK_NAMES) {
      expect(refusals(trackNameSchema, ` ${name} `), name).toEqual({ "": ["Track name is reserved."] });
    }
    expect(RESERVED_PARTY_NAMES).toEqual(["oauth"]);
    expect(refusals(partyNameSchema, "OAuth")).toEqual({ "": ["Party name is reserved."] });
    expect(accepted(tenantNameSchema, "oauth")).toBe("oauth");
    expect(accepted(partyNameSchema, "tracks")).toBe("tracks");
  });
});

describe("display names and notes", () => {
  it("a display name is trimmed, at most 100 characters of letters, digits, spaces and ;:/-.,+()[]{}", () => {
    expect(accepted(displayNameSchema, "  Acme: Web (EU) [1], {prod}; a/b-c.d+e_f  ")).toBe("Acme: Web (EU) [1], {prod}; a/b-c.d+e_f");
    expect(accepted(displayNameSchema, "")).toBe("");
    expect(accepted(displayNameSchema, chars(100))).toBe(chars(100));
    expect(accepted(displayNameSchema, ` ${chars(100)} `)).toBe(chars(100));
    expect(refusals(displayNameSchema, chars(101))).toEqual({ "": ["Display name must be at most 100 characters."] });
    for (const bad of ["a<b", "a@b", "é", "a\tb", "a\"b", "a*b", "a!b"]) {
      expect(refusals(displayNameSchema, bad), bad).toEqual({
        "": ["Display name may hold letters, digits, spaces and ;:/-.,+()[]{}."],
      });
    }
  });

  it("a note is trimmed and at most 200 characters of anything", () => {
    expect(accepted(noteSchema, "  <any> text é!  ")).toBe("<any> text é!");
    expect(accepted(noteSchema, ` ${chars(200)} `)).toBe(chars(200));
    expect(refusals(noteSchema, chars(201))).toEqual({ "": ["Note must be at most 200 characters."] });
  });
});
