import { describe, expect, it } from "vitest";
import { CLAIM_TRANSFORM_TYPES, fieldsInUse, type ClaimTransformType } from "@/lib/claims";

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
