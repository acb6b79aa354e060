import { describe, expect, it } from "vitest";
import { claimTransformSchema, claimTransformsSchema, validateClaimTransforms } from "@/lib/claims";

// How a client's JSON for a claim transform is read (lib/claims/input.ts), seen through what a save
// answers: the canonical transform, or a message per field.

/** The per-field errors a save would answer with, as { "0.transformation": message }. */
function errorList(list: unknown) {
  const result = validateClaimTransforms(list);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}
const errorsOf = (list: unknown): Record<string, string> => Object.fromEntries(errorList(list).map((e) => [e.field, e.message]));

const TYPE_LIST = "constant, match_claim, match, reg_ex_match, map, reg_ex_map, concatenate";
const DK = "The dk_privilege type is not supported: it reads Danish SAML privileges, which client credentials never carry.";
const API = "The external claims API is not supported.";

describe("claim transform input: types", () => {
  it.each([
    ["Reg Ex-Map", "reg_ex_map"],
    ["MATCH_CLAIM", "match_claim"],
    ["30", "map"],
    [30, "map"],
    [10, "constant"],
    [17, "match_claim"],
    [20, "match"],
    [35, "reg_ex_map"],
    ["Concatenate", "concatenate"],
  ])("reads %j as %s (spaces, _ and - do not matter)", (type, canonical) => {
    const transformation = { reg_ex_map: "(?<map>.)", concatenate: "{0}" }[canonical] ?? "v";
    const t = claimTransformSchema.parse({ type, claims_in: ["a"], claims_out: ["b"], transformation, transformation_extension: "x" });
    expect(t.type).toBe(canonical);
  });

  it("asks for a type, listing them, when it is missing or not text", () => {
    for (const type of [undefined, null, true, {}, ["map"]]) {
      expect(errorsOf([{ type, claims_out: ["x"] }])["0.type"]).toBe(`Choose a type: ${TYPE_LIST}.`);
    }
  });

  it("names an unknown type and lists the known ones", () => {
    expect(errorsOf([{ type: "nope", claims_out: ["x"] }])["0.type"]).toBe(`Unknown claim transform type 'nope': use ${TYPE_LIST}.`);
    expect(errorsOf([{ type: 99, claims_out: ["x"] }])["0.type"]).toBe(`Unknown claim transform type '99': use ${TYPE_LIST}.`);
    expect(errorsOf([{ type: "", claims_out: ["x"] }])["0.type"]).toBe(`Unknown claim transform type '': use ${TYPE_LIST}.`);
    expect(errorsOf([{ type: " _- ", claims_out: ["x"] }])["0.type"]).toBe(`Unknown claim transform type ' _- ': use ${TYPE_LIST}.`);
  });

  it("says why FoxIDs' external_claims and dk_privilege types are not run, in any spelling", () => {
    expect(errorsOf([{ type: "ExternalClaims", claims_out: ["x"] }])["0.type"]).toBe(
      "The external_claims type is not supported: Fennec does not call external APIs while issuing a token.",
    );
    expect(errorsOf([{ type: "dk_privilege", claims_out: ["x"] }])["0.type"]).toBe(DK);
    expect(errorsOf([{ type: 1010, claims_out: ["x"] }])["0.type"]).toBe(DK);
  });
});

describe("claim transform input: actions", () => {
  const matchClaim = (action: unknown) => ({ type: "match_claim", action, claims_in: ["a"], claims_out: ["b"], transformation: "v" });

  it.each([
    ["", "add"],
    [10, "add"],
    ["Add", "add"],
    [12, "add_if_not"],
    [13, "add_if_not"],
    ["add-if-not", "add_if_not"],
    [20, "replace"],
    ["REPLACE", "replace"],
    [23, "replace_if_not"],
    ["replace if not", "replace_if_not"],
    ["replace_if_mot", "replace_if_not"],
    [30, "remove"],
  ])("reads action %j as %s", (action, canonical) => {
    expect(claimTransformSchema.parse(matchClaim(action)).action).toBe(canonical);
  });

  it.each([
    [15, "add_if_not_out"],
    ["AddIfNotOut", "add_if_not_out"],
  ])("reads a map's action %j as %s", (action, canonical) => {
    expect(claimTransformSchema.parse({ type: "map", action, claims_in: ["a"], claims_out: ["b"] }).action).toBe(canonical);
  });

  it("refuses an action that is not text or a number", () => {
    expect(errorsOf([matchClaim({})])["0.action"]).toBe("Action must be a string.");
    expect(errorsOf([matchClaim(true)])["0.action"]).toBe("Action must be a string.");
  });

  it("says the claim task actions if and if_not are not run, in any spelling", () => {
    for (const action of ["if", "If_Not", "ifnot", 4, 6, "4", "6"]) {
      expect(errorsOf([matchClaim(action)])["0.action"]).toBe("The actions if and if_not belong to claim tasks, which Fennec does not run.");
    }
  });

  it("names an unknown action and lists the known ones", () => {
    expect(errorsOf([matchClaim(5)])["0.action"]).toBe(
      "Unknown action '5': use add, replace, add_if_not, replace_if_not, add_if_not_out or remove.",
    );
  });
});

describe("claim transform input: fields", () => {
  it("refuses each field of claim tasks and the external claims API, with its own message", () => {
    const errors = errorsOf([
      { type: "constant", claims_out: ["b"], transformation: "v", task: "x", api_url: "https://x", external_connect_type: "api", secret: "s" },
    ]);
    expect(errors).toEqual({
      "0.task": "Claim tasks are not supported: they need a login or a user store, and client credentials have neither.",
      "0.api_url": API,
      "0.external_connect_type": API,
      "0.secret": API,
    });
  });

  it("ignores those fields when they are null or empty, as FoxIDs exports them", () => {
    const t = claimTransformSchema.parse({ type: "constant", claims_out: ["b"], transformation: "v", task: null, api_url: "", secret: null, external_connect_type: "" });
    expect(t).toEqual({ type: "constant", action: "add", order: 0, claims_in: [], claims_out: ["b"], transformation: "v", transformation_extension: null });
  });

  it("refuses a transform that is not an object", () => {
    for (const item of [null, "constant", 3, ["constant"]]) {
      expect(errorsOf([item])).toEqual({ "0": "A claim transform must be an object." });
    }
  });

  it("reads numbers and booleans in text fields as text, and refuses other values", () => {
    expect(claimTransformSchema.parse({ type: "constant", claims_out: ["b"], transformation: 42 }).transformation).toBe("42");
    expect(claimTransformSchema.parse({ type: "constant", claims_out: ["b"], transformation: true }).transformation).toBe("true");
    expect(errorsOf([{ type: "constant", claims_out: ["b"], transformation: { v: 1 } }])).toMatchObject({ "0.transformation": "Must be text." });
    expect(errorsOf([{ type: "match", claims_in: ["a"], claims_out: ["b"], transformation: "v", transformation_extension: ["x"] }])).toEqual({
      "0.transformation_extension": "Must be text.",
    });
    expect(errorsOf([{ type: "constant", claims_out: ["b"], transformation: "v", name: {} }])).toEqual({ "0.name": "Must be text." });
  });

  it("trims the name and leaves out a blank one", () => {
    expect(claimTransformSchema.parse({ type: "constant", claims_out: ["b"], transformation: "v", name: "  role-ct " }).name).toBe("role-ct");
    expect(claimTransformSchema.parse({ type: "constant", claims_out: ["b"], transformation: "v", name: "   " })).not.toHaveProperty("name");
  });

  it("reads a single claim type as a list of one, trimmed; a blank one as none", () => {
    const t = claimTransformSchema.parse({ type: "map", claims_in: " email ", claims_out: [" mail "] });
    expect([t.claims_in, t.claims_out]).toEqual([["email"], ["mail"]]);
    expect(errorList([{ type: "map", claims_in: "  ", claims_out: ["b"] }])).toEqual([
      { field: "0.claims_in", message: "Exactly one input claim is required for Map." },
    ]);
  });

  it("refuses a claim list that is not a list, and a claim type that is not text, once", () => {
    expect(errorList([{ type: "map", claims_in: { a: 1 }, claims_out: ["b"] }])).toEqual([
      { field: "0.claims_in", message: "Must be a list of claim types." },
    ]);
    expect(errorList([{ type: "concatenate", claims_in: ["a", 7], claims_out: ["b"], transformation: "{0}" }])).toEqual([
      { field: "0.claims_in.1", message: "A claim type must be text." },
    ]);
  });

  it("takes the legacy claim_out when claims_out is missing or empty, and reports its own errors", () => {
    expect(claimTransformSchema.parse({ type: "constant", claims_out: [], claim_out: "role", transformation: "v" }).claims_out).toEqual(["role"]);
    expect(claimTransformSchema.parse({ type: "constant", claims_out: null, claim_out: ["role"], transformation: "v" }).claims_out).toEqual(["role"]);
    expect(errorsOf([{ type: "constant", claim_out: 5, transformation: "v" }])).toMatchObject({ "0.claim_out": "Must be a list of claim types." });
  });

  it("reads an order given as text, and falls back to the list position when it is empty", () => {
    const [a, b] = claimTransformsSchema.parse([
      { type: "constant", claims_out: ["a"], transformation: "1", order: "7" },
      { type: "constant", claims_out: ["b"], transformation: "2", order: "" },
    ]);
    expect([a.order, b.order]).toEqual([2, 7]);
    expect(claimTransformsSchema.parse([{ type: "constant", claims_out: ["a"], transformation: "1", order: null }])[0].order).toBe(1);
  });

  it("refuses an order that is not a number", () => {
    for (const order of ["seven", true, {}, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(errorsOf([{ type: "constant", claims_out: ["a"], transformation: "1", order }])).toEqual({
        "0.order": "Order must be a whole number from 0 to 1000.",
      });
    }
  });
});
