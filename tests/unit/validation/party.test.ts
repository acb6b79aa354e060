import { describe, expect, it } from "vitest";
import { authMethodSchema, clientSchema, partyCreateSchema, partyUpdateSchema, resourceSchema, resourceScopeSchema, scopeSchema } from "@/lib/validation";
import { accepted, chars, refusals } from "./refusals";

const scopeChars = "Scope may hold letters, digits and :;.,=[]-_ only.";
const scopes = (n: number) => Array.from({ length: n }, (_, i) => `s${i}`);

describe("scopes", () => {
  it("are trimmed, 1-50 characters of letters, digits and :;.,=[]-_", () => {
    expect(accepted(scopeSchema, " api:read ")).toBe("api:read");
    expect(accepted(scopeSchema, "a:b;c.d,e=f[g]-h_i")).toBe("a:b;c.d,e=f[g]-h_i");
    expect(accepted(scopeSchema, chars(50))).toBe(chars(50));
    expect(refusals(scopeSchema, chars(51))).toEqual({ "": ["Scope must be at most 50 characters."] });
    expect(refusals(scopeSchema, "  ")).toEqual({ "": ["Scope must not be empty.", scopeChars] });
    for (const bad of ["a b", "a/b", "a*", "é", "a\"", "a{b}", "a\nb"]) {
      expect(refusals(scopeSchema, bad), bad).toEqual({ "": [scopeChars] });
    }
  });

  it("a resource has 1-100 different scopes and an optional audience without spaces, at most 500 characters", () => {
    expect(accepted(resourceSchema, { scopes: ["read"] })).toEqual({ scopes: ["read"] });
    expect(accepted(resourceSchema, { scopes: scopes(100) }).scopes).toHaveLength(100);
    expect(refusals(resourceSchema, { scopes: [] })).toEqual({ scopes: ["A resource needs at least one scope."] });
    expect(refusals(resourceSchema, { scopes: scopes(101) })).toEqual({ scopes: ["A resource has at most 100 scopes."] });
    expect(refusals(resourceSchema, { scopes: ["a", "b", "a", "b", "c"] })).toEqual({
      "scopes.2": ["Duplicate scope 'a'."],
      "scopes.3": ["Duplicate scope 'b'."],
    });
    // duplicates are found after trimming
    expect(refusals(resourceSchema, { scopes: ["a", " a "] })).toEqual({ "scopes.1": ["Duplicate scope 'a'."] });

    expect(accepted(resourceSchema, { scopes: ["r"], audience: "  https://api.example/v1  " }).audience).toBe("https://api.example/v1");
    expect(accepted(resourceSchema, { scopes: ["r"], audience: chars(500) }).audience).toBe(chars(500));
    expect(refusals(resourceSchema, { scopes: ["r"], audience: chars(501) })).toEqual({ audience: ["Audience must be at most 500 characters."] });
    expect(refusals(resourceSchema, { scopes: ["r"], audience: "a b" })).toEqual({ audience: ["Audience must not contain spaces."] });
    expect(refusals(resourceSchema, { scopes: ["r"], audience: "a\tb" })).toEqual({ audience: ["Audience must not contain spaces."] });
    expect(Object.keys(refusals(resourceSchema, { scopes: ["r"], audience: "  " }))).toEqual(["audience"]);
  });
});

describe("client part", () => {
  it("fills FoxIDs' defaults", () => {
    expect(accepted(clientSchema, {})).toStrictEqual({
      auth_method: "client_secret_post",
      resource_scopes: [],
      access_token_lifetime: 3600,
      allow_legacy_assertion_audience: false,
      strict_auth_method: false,
      client_credentials_enabled: true,
    });
  });

  it("knows three authentication methods", () => {
    for (const m of ["client_secret_post", "client_secret_basic", "private_key_jwt"]) expect(accepted(authMethodSchema, m)).toBe(m);
    expect(refusals(clientSchema, { auth_method: "none" })).toEqual({
      auth_method: ["Authentication method must be client_secret_post, client_secret_basic or private_key_jwt."],
    });
  });

  it("an access token lives 300-86400 whole seconds", () => {
    expect(accepted(clientSchema, { access_token_lifetime: 300 }).access_token_lifetime).toBe(300);
    expect(accepted(clientSchema, { access_token_lifetime: 86400 }).access_token_lifetime).toBe(86400);
    expect(refusals(clientSchema, { access_token_lifetime: 299 })).toEqual({ access_token_lifetime: ["Access token lifetime must be at least 300 seconds."] });
    expect(refusals(clientSchema, { access_token_lifetime: 86401 })).toEqual({ access_token_lifetime: ["Access token lifetime must be at most 86400 seconds."] });
    expect(Object.keys(refusals(clientSchema, { access_token_lifetime: 600.5 }))).toEqual(["access_token_lifetime"]);
    expect(refusals(clientSchema, { access_token_lifetime: "600" })).toEqual({ access_token_lifetime: ["Access token lifetime must be a number of seconds."] });
  });

  it("grants at most 50 different resources, each with at most 100 different scopes", () => {
    const granted = accepted(clientSchema, { resource_scopes: [{ resource: " API ", scopes: ["b", "a"] }, { resource: "other" }] });
    expect(granted.resource_scopes).toEqual([
      { resource: "api", scopes: ["b", "a"] },
      { resource: "other", scopes: [] },
    ]);
    const many = Array.from({ length: 50 }, (_, i) => ({ resource: `r${i}` }));
    expect(accepted(clientSchema, { resource_scopes: many }).resource_scopes).toHaveLength(50);
    expect(refusals(clientSchema, { resource_scopes: [...many, { resource: "r50" }] })).toEqual({ resource_scopes: ["At most 50 granted resources."] });
    expect(refusals(clientSchema, { resource_scopes: [{ resource: "a" }, { resource: "b" }, { resource: "A" }] })).toEqual({
      "resource_scopes.2.resource": ["Duplicate resource 'a'."],
    });
    expect(accepted(resourceScopeSchema, { resource: "r", scopes: scopes(100) }).scopes).toHaveLength(100);
    expect(refusals(resourceScopeSchema, { resource: "r", scopes: scopes(101) })).toEqual({ scopes: ["At most 100 scopes per resource."] });
    expect(refusals(resourceScopeSchema, { resource: "r", scopes: ["x", "x"] })).toEqual({ "scopes.1": ["Duplicate scope 'x'."] });
    expect(refusals(resourceScopeSchema, { resource: "a b" })).toEqual({ resource: ["Resource name must be 1-50 letters, digits, '_' or '-'."] });
  });
});

describe("party", () => {
  const needsPart = { resource: ["A party needs a resource part, a client part or both."] };

  it("is a resource, a client or both, never neither", () => {
    expect(accepted(partyCreateSchema, { name: "r", resource: { scopes: ["read"] } }).client).toBeUndefined();
    expect(accepted(partyCreateSchema, { name: "c", client: {} }).client?.auth_method).toBe("client_secret_post");
    expect(accepted(partyCreateSchema, { name: "b", resource: { scopes: ["read"] }, client: {} }).resource).toEqual({ scopes: ["read"] });
    expect(refusals(partyCreateSchema, { name: "x" })).toEqual(needsPart);
    expect(refusals(partyCreateSchema, { name: "x", resource: null, client: null })).toEqual(needsPart);
    expect(refusals(partyUpdateSchema, { name: "x", version: 1 })).toEqual(needsPart);
    expect(accepted(partyUpdateSchema, { name: "x", client: {} }).name).toBe("x");
  });

  it("holds a display name and a note, and its claim transforms default to none", () => {
    const p = accepted(partyCreateSchema, { name: "P", display_name: " Web (EU) ", note: " n ", client: {} });
    expect(p).toMatchObject({ name: "p", display_name: "Web (EU)", note: "n", claim_transforms: [] });
    expect(accepted(partyCreateSchema, { name: "p", display_name: null, note: null, client: {} })).toMatchObject({ display_name: null, note: null });
    expect(refusals(partyCreateSchema, { name: "p", display_name: "<b>", note: chars(201), client: {} })).toEqual({
      display_name: ["Display name may hold letters, digits, spaces and ;:/-.,+()[]{}."],
      note: ["Note must be at most 200 characters."],
    });
  });

  it("an update's version is a whole number from 1", () => {
    expect(accepted(partyUpdateSchema, { name: "p", client: {}, version: 1 }).version).toBe(1);
    expect(Object.keys(refusals(partyUpdateSchema, { name: "p", client: {}, version: 0 }))).toEqual(["version"]);
    expect(Object.keys(refusals(partyUpdateSchema, { name: "p", client: {}, version: 1.5 }))).toEqual(["version"]);
  });
});
