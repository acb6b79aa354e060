import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { sharedServer } from "../../support/fennec";

describe("GET /api/control/openapi.json", () => {
  it("serves an OpenAPI 3.1 document that validates against the 3.1 schema", async () => {
    const r = await fetch(`${sharedServer().url}/api/control/openapi.json`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^application\/json/);
    const doc = await r.json();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(doc.servers[0].url).toBe(sharedServer().url);
    expect(doc.paths["/api/control/{tenant}/{track}/parties/{name}"].put.responses["412"]).toBeDefined();
  });
});
