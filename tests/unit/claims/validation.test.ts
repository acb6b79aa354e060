import { describe, expect, it } from "vitest";
import { claimTransformSchema, claimTransformsSchema, validateClaimTransforms } from "@/lib/claims";

/** The per-field errors a save would answer with, as { "0.transformation": message }. */
function errorsOf(list: unknown): Record<string, string> {
  const result = validateClaimTransforms(list);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return Object.fromEntries(result.errors.map((e) => [e.field, e.message]));
}

describe("FoxIDs spellings on input", () => {
  it("loads an exported FoxIDs list and normalises it to one canonical form", () => {
    const exported = [
      { type: "Concatenate", order: 5, claims_in: ["given_name", "family_name"], claim_out: "name", action: "add", transformation: "{0} {1}" },
      { type: "reg_ex_map", order: 1, claims_in: ["email"], claims_out: ["domain"], action: "add_if_not_out", transformation: "@(?<map>.+)$", transformation_extension: null },
      { type: "match", order: 2, claims_in: ["role"], claims_out: ["admin"], action: "add_if_mot", transformation: "root", transformation_extension: "true" },
      { type: "match_claim", order: 3, claims_in: ["sub"], claims_out: ["tier"], action: "replace_if_mot", transformation: "free" },
      { type: "constant", order: 4, claims_in: [], claims_out: ["role"], action: "add", transformation: "reader", name: "role-ct" },
    ];
    expect(claimTransformsSchema.parse(exported)).toEqual([
      { type: "reg_ex_map", action: "add_if_not_out", order: 1, claims_in: ["email"], claims_out: ["domain"], transformation: "@(?<map>.+)$", transformation_extension: null },
      { type: "match", action: "add_if_not", order: 2, claims_in: ["role"], claims_out: ["admin"], transformation: "root", transformation_extension: "true" },
      { type: "match_claim", action: "replace_if_not", order: 3, claims_in: ["sub"], claims_out: ["tier"], transformation: "free", transformation_extension: null },
      { type: "constant", action: "add", order: 4, claims_in: [], claims_out: ["role"], transformation: "reader", transformation_extension: null, name: "role-ct" },
      { type: "concatenate", action: "add", order: 5, claims_in: ["given_name", "family_name"], claims_out: ["name"], transformation: "{0} {1}", transformation_extension: null },
    ]);
  });

  it.each([
    ["Constant", "constant"],
    ["MatchClaim", "match_claim"],
    ["RegexMatch", "reg_ex_match"],
    ["RegExMap", "reg_ex_map"],
    ["MAP", "map"],
    [25, "reg_ex_match"],
    [40, "concatenate"],
  ])("type %s → %s", (input, canonical) => {
    const t = claimTransformSchema.parse({
      type: input,
      claims_in: ["a"],
      claims_out: ["b"],
      transformation: { reg_ex_map: "(?<map>.)", reg_ex_match: "x" }[canonical] ?? "{0}",
      transformation_extension: "x",
    });
    expect(t.type).toBe(canonical);
  });

  it.each([
    ["AddIfNot", "add_if_not"],
    ["ReplaceIfNot", "replace_if_not"],
    ["add_if_mot", "add_if_not"],
    ["Remove", "remove"],
    [22, "replace_if_not"],
    [undefined, "add"],
    [null, "add"],
  ])("action %s → %s", (input, canonical) => {
    const t = claimTransformSchema.parse({ type: "match_claim", action: input, claims_in: ["a"], claims_out: ["b"], transformation: "v" });
    expect(t.action).toBe(canonical);
  });

  it("claims_out wins over the legacy claim_out; a missing order takes the list position", () => {
    const [a, b] = claimTransformsSchema.parse([
      { type: "constant", claims_out: ["new"], claim_out: "old", transformation: "1" },
      { type: "constant", claim_out: "second", transformation: "2" },
    ]);
    expect([a.claims_out, a.order, b.claims_out, b.order]).toEqual([["new"], 1, ["second"], 2]);
  });

  it("drops fields a type does not use and turns blank optional values into null", () => {
    const t = claimTransformSchema.parse({ type: "map", claims_in: ["a"], claims_out: ["b"], transformation: "ignored", transformation_extension: "" });
    expect(t).toEqual({ type: "map", action: "add", order: 0, claims_in: ["a"], claims_out: ["b"], transformation: null, transformation_extension: null });
  });
});

describe("refused with a message per field", () => {
  it("unknown, unsupported and missing types", () => {
    expect(errorsOf([{ type: "nope", claims_out: ["x"] }])["0.type"]).toMatch(/Unknown claim transform type 'nope'/);
    expect(errorsOf([{ type: "external_claims", claims_out: ["x"] }])["0.type"]).toMatch(/not supported/);
    expect(errorsOf([{ type: "DkPrivilege", claims_out: ["x"] }])["0.type"]).toMatch(/not supported/);
    expect(errorsOf([{ claims_out: ["x"] }])["0.type"]).toMatch(/Choose a type/);
  });

  it("actions a type does not offer, and task-only actions", () => {
    expect(errorsOf([{ type: "constant", action: "remove", claims_out: ["x"], transformation: "v" }])["0.action"]).toBe(
      "Constant offers the actions add, replace, not 'remove'.",
    );
    expect(errorsOf([{ type: "map", action: "add_if_not", claims_in: ["a"], claims_out: ["x"] }])["0.action"]).toMatch(/add_if_not_out/);
    expect(errorsOf([{ type: "match_claim", action: "add_if_not_out", claims_in: ["a"], claims_out: ["x"], transformation: "v" }])["0.action"]).toMatch(/not 'add_if_not_out'/);
    expect(errorsOf([{ type: "match_claim", action: "if", claims_in: ["a"], claims_out: ["x"] }])["0.action"]).toMatch(/claim tasks/);
    expect(errorsOf([{ type: "constant", action: "frobnicate", claims_out: ["x"], transformation: "v" }])["0.action"]).toMatch(/Unknown action/);
  });

  it("tasks and the external claims API", () => {
    const errors = errorsOf([{ type: "match_claim", task: "request_exception", api_url: "https://x", claims_in: ["a"], claims_out: ["b"], transformation: "v" }]);
    expect(errors["0.task"]).toMatch(/Claim tasks are not supported/);
    expect(errors["0.api_url"]).toMatch(/external claims API/);
  });

  it("exactly one output claim", () => {
    expect(errorsOf([{ type: "constant", transformation: "v" }])["0.claims_out"]).toBe("Exactly one output claim is required.");
    expect(errorsOf([{ type: "constant", claims_out: ["a", "b"], transformation: "v" }])["0.claims_out"]).toBe("Exactly one output claim is required.");
  });

  it("input claim counts per type", () => {
    expect(errorsOf([{ type: "map", claims_out: ["x"] }])["0.claims_in"]).toBe("Exactly one input claim is required for Map.");
    expect(errorsOf([{ type: "match", claims_in: ["a", "b"], claims_out: ["x"], transformation: "v", transformation_extension: "w" }])["0.claims_in"]).toMatch(/Exactly one/);
    expect(errorsOf([{ type: "concatenate", claims_out: ["x"], transformation: "{0}" }])["0.claims_in"]).toBe("At least one input claim is required for Concatenate.");
    // remove needs only the output claim
    expect(validateClaimTransforms([{ type: "match_claim", action: "remove", claims_out: ["x"] }]).ok).toBe(true);
  });

  it.each([
    ["constant", {}, /value of the constant/],
    ["match_claim", { claims_in: ["a"] }, /value of the new claim/],
    ["match", { claims_in: ["a"], transformation_extension: "w" }, /value to match/],
    ["reg_ex_match", { claims_in: ["a"], transformation_extension: "w" }, /regular expression to match/],
    ["reg_ex_map", { claims_in: ["a"] }, /named group \(\?<map>/],
    ["concatenate", { claims_in: ["a"] }, /format string/],
    ["match", { action: "remove" }, /value to match/],
    ["reg_ex_match", { action: "remove" }, /regular expression/],
  ])("%s needs its transformation", (type, extra, message) => {
    expect(errorsOf([{ type, claims_out: ["x"], transformation: "  ", ...extra }])["0.transformation"]).toMatch(message);
  });

  it("match and reg_ex_match need the new value in transformation_extension", () => {
    expect(errorsOf([{ type: "match", claims_in: ["a"], claims_out: ["x"], transformation: "v" }])["0.transformation_extension"]).toBe("Enter the value of the new claim.");
  });

  it("regexes are compiled with RE2: syntax errors and unsupported features are refused", () => {
    const regex = (transformation: string, type = "reg_ex_match") =>
      errorsOf([{ type, claims_in: ["a"], claims_out: ["x"], transformation, transformation_extension: "w" }])["0.transformation"];
    expect(regex("[a-")).toMatch(/^Invalid regular expression: missing closing \]/);
    expect(regex("(?=admin)")).toMatch(/lookaround and backreferences are not available/);
    expect(regex("(?<!x)y")).toMatch(/lookaround/);
    expect(regex("(a)\\1")).toMatch(/backreferences/);
    expect(regex("(?'map'a)", "reg_ex_map")).toMatch(/\(\?<name>…\)/);
    expect(regex("^(\\S+)$", "reg_ex_map")).toMatch(/needs a named group \(\?<map>…\)/);
  });

  it("concatenate format strings are checked against the input claims", () => {
    const format = (transformation: string, claims_in = ["a", "b"]) =>
      errorsOf([{ type: "concatenate", claims_in, claims_out: ["x"], transformation }])["0.transformation"];
    expect(format("{0} {2}")).toBe("{2} refers to input claim 3, but there are 2 input claims.");
    expect(format("{1}", ["a"])).toBe("{1} refers to input claim 2, but there is 1 input claim.");
    expect(format("{0")).toMatch(/Invalid placeholder at position 1/);
    expect(format("a}b")).toMatch(/Unexpected '}' at position 2/);
    expect(format("{x}")).toMatch(/Invalid placeholder/);
    expect(format("{0,5000}")).toMatch(/too wide/);
  });

  it("outputs to protected claims are refused, whatever the case", () => {
    for (const out of ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "client_id", "scope", "Scope", "SUB"]) {
      expect(errorsOf([{ type: "constant", claims_out: [out], transformation: "v" }])["0.claims_out.0"]).toBe(
        `'${out}' is set by Fennec and cannot be changed by a claim transform (protected: iss, sub, aud, exp, nbf, iat, jti, client_id, scope).`,
      );
    }
    expect(errorsOf([{ type: "match_claim", action: "remove", claims_out: ["scope"] }])["0.claims_out.0"]).toMatch(/protected/);
    // reading a protected claim is fine
    expect(validateClaimTransforms([{ type: "map", claims_in: ["scope"], claims_out: ["scp"] }]).ok).toBe(true);
  });

  it("field limits: order range, claim type characters and length, transformation length, name", () => {
    const errors = errorsOf([
      { type: "constant", order: 1001, claims_out: ["bad claim"], transformation: "x".repeat(301), name: "far-too-long-name" },
      { type: "map", order: -1, claims_in: ["x".repeat(101)], claims_out: [""] },
      { type: "map", order: 2.5, claims_in: "a", claims_out: [7] },
    ]);
    expect(errors).toMatchObject({
      "0.order": "Order must be a whole number from 0 to 1000.",
      "0.claims_out.0": "Output claim 'bad claim' may hold letters, digits and _ : / - . + only.",
      "0.transformation": "Must be at most 300 characters.",
      "0.name": "Name may hold at most 10 letters, digits, _ and -.",
      "1.order": "Order must be a whole number from 0 to 1000.",
      "1.claims_in.0": "Input claim must be at most 100 characters.",
      "1.claims_out.0": "Output claim must not be empty.",
      "2.order": "Order must be a whole number from 0 to 1000.",
      "2.claims_out.0": "A claim type must be text.",
    });
  });

  it("duplicate order numbers and names are refused as FoxIDs Control does", () => {
    const errors = errorsOf([
      { type: "constant", order: 3, claims_out: ["a"], transformation: "1", name: "x" },
      { type: "constant", order: 3, claims_out: ["b"], transformation: "2", name: "x" },
    ]);
    expect(errors["1.order"]).toBe("Duplicated claim transform order number '3' (also used by transform 1).");
    expect(errors["1.name"]).toBe("Duplicated claim transform name 'x'.");
  });

  it("at most 100 transforms; the list must be a list of objects", () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ type: "constant", order: i, claims_out: ["a"], transformation: "v" }));
    expect(errorsOf(many)[""]).toBe("At most 100 claim transforms.");
    expect(validateClaimTransforms(many.slice(0, 100)).ok).toBe(true);
    expect(errorsOf({ type: "constant" })[""]).toBe("Claim transforms must be a list.");
    expect(errorsOf(["constant"])["0"]).toBe("A claim transform must be an object.");
  });

  it("reports every problem at once, not only the first", () => {
    expect(Object.keys(errorsOf([{ type: "match", claims_out: ["scope"], order: 5000 }])).sort()).toEqual([
      "0.claims_in",
      "0.claims_out.0",
      "0.order",
      "0.transformation",
      "0.transformation_extension",
    ]);
  });
});
