import { describe, expect, it } from "vitest";
import { flattenErrors, renumber, runnable } from "@/components/claim-transforms/editor-model";
import { claimTransformsSchema } from "@/lib/claims";

describe("editor model", () => {
  it("takes the Control API's field list (prefixed) and react-hook-form's nested errors alike", () => {
    expect(
      flattenErrors([
        { field: "claim_transforms.1.transformation", message: "bad regex" },
        { field: "claim_transforms", message: "At most 100 claim transforms." },
      ]),
    ).toEqual([
      { field: "1.transformation", message: "bad regex" },
      { field: "", message: "At most 100 claim transforms." },
    ]);
    const rhf = { 0: { claims_out: { 0: { message: "protected", type: "custom", ref: {} } } }, root: { message: "list problem" } };
    expect(flattenErrors(rhf)).toEqual([
      { field: "0.claims_out.0", message: "protected" },
      { field: "", message: "list problem" },
    ]);
  });

  it("renumbers order 1..n in list order and keeps unchanged transforms as they are", () => {
    const list = claimTransformsSchema.parse([
      { type: "constant", order: 1, claims_out: ["a"], transformation: "1" },
      { type: "constant", order: 7, claims_out: ["b"], transformation: "2" },
    ]);
    const out = renumber([list[1], list[0]]);
    expect(out.map((t) => [t.claims_out[0], t.order])).toEqual([["b", 1], ["a", 2]]);
  });

  it("the preview runs only transforms a save would accept", () => {
    const list = claimTransformsSchema.parse([{ type: "constant", claims_out: ["a"], transformation: "1" }]);
    const draft = [...list, { ...list[0], order: 2, claims_out: ["iss"] }, { ...list[0], order: 3, transformation: "" }];
    const { transforms, skipped } = runnable(draft);
    expect(transforms).toHaveLength(1);
    expect(skipped).toEqual([1, 2]);
  });
});
