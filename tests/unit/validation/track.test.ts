import { describe, expect, it } from "vitest";
import { signingAlgorithmSchema, tenantCreateSchema, trackCreateSchema, trackUpdateSchema } from "@/lib/validation";
import { accepted, refusals } from "./refusals";

const settings = ["key_validity_months", "key_renew_days_before_expiry", "key_primary_after_days"] as const;

describe("tenants and tracks", () => {
  it("a tenant has a name and optionally a display name", () => {
    expect(accepted(tenantCreateSchema, { name: "Acme" })).toEqual({ name: "acme" });
    expect(accepted(tenantCreateSchema, { name: "acme", display_name: " Acme Corp. " })).toEqual({ name: "acme", display_name: "Acme Corp." });
    expect(refusals(tenantCreateSchema, { name: "acme", display_name: "<acme>" })).toEqual({
      display_name: ["Display name may hold letters, digits, spaces and ;:/-.,+()[]{}."],
    });
  });

  it("a new track starts from FoxIDs' key settings", () => {
    expect(accepted(trackCreateSchema, { name: "Test" })).toStrictEqual({
      name: "test",
      signing_algorithm: "RS256",
      key_validity_months: 3,
      key_renew_days_before_expiry: 10,
      key_primary_after_days: 5,
    });
  });

  it("signs with one of five algorithms", () => {
    for (const alg of ["RS256", "PS256", "ES256", "EdDSA", "Ed25519"]) expect(accepted(signingAlgorithmSchema, alg)).toBe(alg);
    expect(refusals(trackCreateSchema, { name: "t", signing_algorithm: "HS256" })).toEqual({
      signing_algorithm: ["Signing algorithm must be RS256, PS256, ES256, EdDSA or Ed25519."],
    });
  });

  it("key settings are whole numbers within FoxIDs' ranges, on create and on update", () => {
    const low = { key_validity_months: 1, key_renew_days_before_expiry: 4, key_primary_after_days: 2 };
    const high = { key_validity_months: 12, key_renew_days_before_expiry: 30, key_primary_after_days: 20 };
    const under = { key_validity_months: 0, key_renew_days_before_expiry: 3, key_primary_after_days: 1 };
    const over = { key_validity_months: 13, key_renew_days_before_expiry: 31, key_primary_after_days: 21 };
    const halves = { key_validity_months: 2.5, key_renew_days_before_expiry: 5.5, key_primary_after_days: 3.5 };
    for (const schema of [trackCreateSchema, trackUpdateSchema]) {
      expect(accepted(schema, { name: "t", ...low })).toMatchObject(low);
      expect(accepted(schema, { name: "t", ...high })).toMatchObject(high);
      for (const bad of [under, over, halves]) expect(Object.keys(refusals(schema, { name: "t", ...bad }))).toEqual([...settings]);
    }
  });

  it("an update changes only what it names; its version is a whole number from 1", () => {
    expect(accepted(trackUpdateSchema, {})).toStrictEqual({});
    expect(accepted(trackUpdateSchema, { display_name: "Prod", version: 1 })).toStrictEqual({ display_name: "Prod", version: 1 });
    expect(accepted(trackUpdateSchema, { signing_algorithm: "PS256" })).toStrictEqual({ signing_algorithm: "PS256" });
    expect(Object.keys(refusals(trackUpdateSchema, { version: 0 }))).toEqual(["version"]);
    expect(Object.keys(refusals(trackUpdateSchema, { signing_algorithm: "none" }))).toEqual(["signing_algorithm"]);
  });
});
