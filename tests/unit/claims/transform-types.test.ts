import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClaimTransformsEditor } from "@/components/claim-transforms/claim-transforms-editor";
import { ReadOnlyProvider } from "@/components/ui/read-only";
import { CLAIM_TRANSFORM_TYPES, claimTransformsSchema, fieldsInUse, validateClaimTransforms, type ClaimTransformType } from "@/lib/claims";

// Which inputs the claim transform editor shows for a type and action (fieldsInUse): a new value
// (transformation_extension) and input claims are gone when the action is remove; a value test stays.
type Shown = { claimsIn: boolean; manyIn: boolean; transformation: boolean; extension: boolean };
const shown = (claimsIn: boolean, manyIn: boolean, transformation: boolean, extension: boolean): Shown => ({ claimsIn, manyIn, transformation, extension });

const EXPECTED: Record<ClaimTransformType, { add: Shown; remove: Shown }> = {
  constant: { add: shown(false, false, true, false), remove: shown(false, false, false, false) },
  match_claim: { add: shown(true, false, true, false), remove: shown(false, false, false, false) },
  match: { add: shown(true, false, true, true), remove: shown(false, false, true, false) },
  reg_ex_match: { add: shown(true, false, true, true), remove: shown(false, false, true, false) },
  map: { add: shown(true, false, false, false), remove: shown(false, false, false, false) },
  reg_ex_map: { add: shown(true, false, true, false), remove: shown(false, false, true, false) },
  concatenate: { add: shown(true, true, true, false), remove: shown(false, true, true, false) },
};

describe("fieldsInUse: the fields a transform type uses", () => {
  it("covers every type", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CLAIM_TRANSFORM_TYPES].sort());
  });

  it.each(CLAIM_TRANSFORM_TYPES.map((type) => [type]))("%s: with add, replace, add_if_not, or no action yet", (type) => {
    for (const action of ["add", "replace", "add_if_not", "replace_if_not", "add_if_not_out", null] as const) {
      expect(fieldsInUse(type, action)).toEqual(EXPECTED[type].add);
    }
  });

  it.each(CLAIM_TRANSFORM_TYPES.map((type) => [type]))("%s: with remove", (type) => {
    expect(fieldsInUse(type, "remove")).toEqual(EXPECTED[type].remove);
  });
});

describe("the transform types' names, help and field labels a user sees", () => {
  it.each([
    ["match_claim", "Match claim"],
    ["match", "Match claim and value"],
    ["reg_ex_match", "Regex match"],
    ["map", "Map"],
    ["reg_ex_map", "Regex map"],
  ])("%s reads exactly one input claim, and says so by its name", (type, label) => {
    const transformation = { reg_ex_match: "x", reg_ex_map: "(?<map>.)" }[type] ?? "v";
    const result = validateClaimTransforms([{ type, claims_in: ["a", "b"], claims_out: ["c"], transformation, transformation_extension: "x" }]);
    expect(result.ok ? [] : result.errors).toEqual([{ field: "0.claims_in", message: `Exactly one input claim is required for ${label}.` }]);
  });

  // one card per type, match and reg_ex_map also with remove (a value test keeps its field, under another label)
  const cards = claimTransformsSchema.parse([
    { type: "constant", claims_out: ["c1"], transformation: "v" },
    { type: "match_claim", claims_in: ["a"], claims_out: ["c2"], transformation: "v" },
    { type: "match", claims_in: ["a"], claims_out: ["c3"], transformation: "v", transformation_extension: "x" },
    { type: "match", action: "remove", claims_out: ["c4"], transformation: "v" },
    { type: "reg_ex_match", claims_in: ["a"], claims_out: ["c5"], transformation: "x", transformation_extension: "x" },
    { type: "map", claims_in: ["a"], claims_out: ["c6"] },
    { type: "reg_ex_map", claims_in: ["a"], claims_out: ["c7"], transformation: "(?<map>.)" },
    { type: "concatenate", claims_in: ["a"], claims_out: ["c8"], transformation: "{0}" },
  ]);
  const html = renderToStaticMarkup(
    createElement(ReadOnlyProvider, { canWrite: true }, createElement(ClaimTransformsEditor, { value: cards, onChange: () => {}, clientId: "billing" })),
  );
  const text = html.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/&#x27;/g, "'");

  it.each([
    [1, "Constant", "Always creates the output claim with a fixed value.", ["Value"]],
    [2, "Match claim", "For each input claim present, creates the output claim with a fixed value.", ["New value"]],
    [3, "Match claim and value", "For each input claim whose value equals the match value", ["Value to match"]],
    [4, "Match claim and value", "For each input claim whose value equals the match value", ["Value to remove"]],
    [5, "Regex match", "matches the regex (case-insensitive)", ["Regular expression", "Case-insensitive, matches anywhere in the value."]],
    [6, "Map", "Copies each value of the input claim into the output claim.", []],
    [7, "Regex map", "creates the output claim from its named group (?<map>…)", ["Regular expression", "Needs a named group, e.g. ^(?<map>[^@]+)@"]],
    [8, "Concatenate", 'Fills a format string like "{0} ({1})"', ["Format string", "{0} is the first value of the first input claim"]],
  ] as const)("card %i: %s, its help and its field", (n, label, help, field) => {
    // the cards in order: from this card's legend to the next one's
    const card = text.split(/<legend[^>]*>/)[n];
    expect(card.startsWith(`Transform ${n}: ${label}<`)).toBe(true);
    expect(card).toContain(help);
    if (field.length) expect(card).toMatch(new RegExp(`<label[^>]*>${field[0]}</label>`));
    if (field.length > 1) expect(card).toContain(field[1]);
  });
});
