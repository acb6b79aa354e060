import { expect, it } from "vitest";

// Imported inside the test, not at the top: a change that makes lib/claims throw while it loads (its
// table of transform types and the spellings read from it are built then) fails this test. A test file
// whose import throws has no tests, and Stryker's vitest runner counts such a mutant as survived
// (stryker-js#6150). stryker.claims.config.mjs runs it; `npm run test:mutation` leaves it out.
it("lib/claims loads and reads a FoxIDs transform", async () => {
  const claims = await import("@/lib/claims");
  expect(claims.claimTransformSchema.parse({ type: "RegexMap", action: 15, claims_in: ["email"], claim_out: "domain", transformation: "@(?<map>.+)$" })).toEqual({
    type: "reg_ex_map",
    action: "add_if_not_out",
    order: 0,
    claims_in: ["email"],
    claims_out: ["domain"],
    transformation: "@(?<map>.+)$",
    transformation_extension: null,
  });
});
