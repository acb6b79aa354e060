import { describe, expect, it } from "vitest";
import { z } from "zod";
import { clientSchema, formDefaults, trackCreateSchema } from "@/lib/validation";

describe("form defaults", () => {
  it("a form starts from what the API stores when a field is left out, and the given values", () => {
    expect(formDefaults(trackCreateSchema, { name: "" })).toStrictEqual({
      signing_algorithm: "RS256",
      key_validity_months: 3,
      key_renew_days_before_expiry: 10,
      key_primary_after_days: 5,
      name: "",
    });
    expect(formDefaults(clientSchema, {})).toStrictEqual(clientSchema.parse({}));
  });

  it("a given value wins over the default; fields without a default are left out", () => {
    expect(formDefaults(trackCreateSchema, { name: "t", key_validity_months: 6, display_name: "T" })).toStrictEqual({
      signing_algorithm: "RS256",
      key_validity_months: 6,
      key_renew_days_before_expiry: 10,
      key_primary_after_days: 5,
      name: "t",
      display_name: "T",
    });
    const schema = z.object({ required: z.string(), optional: z.string().optional(), nullable: z.string().nullish(), count: z.number().default(0) });
    expect(formDefaults(schema, {})).toStrictEqual({ count: 0 });
  });
});
