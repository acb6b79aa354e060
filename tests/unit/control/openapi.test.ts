import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/control-api/openapi";

describe("OpenAPI document", () => {
  it("validates against the OpenAPI 3.1 schema", async () => {
    const doc = buildOpenApiDocument("http://localhost:3000");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("is checked by a validator that does reject a broken document", async () => {
    const doc = buildOpenApiDocument("http://localhost:3000") as unknown as { paths: Record<string, Record<string, unknown>> };
    doc.paths["/api/control/tenants"].get = { responses: "not an object" };
    expect((await new Validator().validate(doc)).valid).toBe(false);
  });

  it("describes every resource of the API with the shared schemas", () => {
    const doc = buildOpenApiDocument("http://localhost:3000");
    // at least the routes of today (route-table.test.ts holds the table to the route files); "at least",
    // so that branches adding routes at once do not collide on one number
    expect(Object.keys(doc.paths).length).toBeGreaterThanOrEqual(25);
    const party = doc.components.schemas.PartyCreate as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(party.properties)).toEqual(["name", "display_name", "note", "resource", "client", "claim_transforms"]);
    expect(party.required).toEqual(["name"]);
  });
});
