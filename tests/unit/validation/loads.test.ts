import { expect, it } from "vitest";

// Imported inside the test, not at the top: a change that makes lib/validation throw while it loads (its
// schemas are built then) fails this test. A test file whose import throws has no tests, and Stryker's
// vitest runner counts such a mutant as survived (stryker-js#6150).
it("lib/validation loads and builds its schemas", async () => {
  const v = await import("@/lib/validation");
  expect(v.tenantNameSchema.parse("Acme")).toBe("acme");
  expect(v.revokedTokensQuerySchema.parse({}).page_size).toBe(100);
  expect(v.trackUpdateSchema.parse({ key_validity_months: 12 })).toEqual({ key_validity_months: 12 });
});
