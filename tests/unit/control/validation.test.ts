import { describe, expect, it } from "vitest";
import { parseInput } from "@/lib/control/parse";
import { DomainError } from "@/lib/control/errors";
import { partyCreateSchema, tenantCreateSchema, trackCreateSchema, listQuerySchema } from "@/lib/validation";

function fieldsOf(fn: () => unknown) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(DomainError);
    return (e as DomainError).fields;
  }
  throw new Error("expected a validation error");
}

describe("party schema", () => {
  it("lowercases names, keeps the sender's order (so error indexes match) and fills FoxIDs defaults", () => {
    const p = parseInput(partyCreateSchema, {
      name: " My-API ",
      resource: { scopes: ["write", "read"] },
      client: { resource_scopes: [{ resource: "Zeta", scopes: ["b", "a"] }, { resource: "alpha" }] },
    });
    expect(p.name).toBe("my-api");
    expect(p.resource?.scopes).toEqual(["write", "read"]);
    expect(p.client?.resource_scopes).toEqual([
      { resource: "zeta", scopes: ["b", "a"] },
      { resource: "alpha", scopes: [] },
    ]);
    expect(p.client?.auth_method).toBe("client_secret_post");
    expect(p.client?.access_token_lifetime).toBe(3600);
    expect(p.claim_transforms).toEqual([]);
  });

  it("refuses duplicates, bad scopes, out-of-range lifetimes and the reserved name with per-field messages", () => {
    const fields = fieldsOf(() =>
      parseInput(partyCreateSchema, {
        name: "oauth",
        resource: { scopes: ["read", "read", "bad scope"] },
        client: { access_token_lifetime: 100, resource_scopes: [{ resource: "a" }, { resource: "A" }] },
      }),
    );
    const byField = Object.fromEntries(fields.map((f) => [f.field, f.message]));
    expect(byField.name).toMatch(/reserved/);
    expect(byField["resource.scopes.1"]).toMatch(/Duplicate scope 'read'/);
    expect(byField["resource.scopes.2"]).toMatch(/letters, digits/);
    expect(byField["client.access_token_lifetime"]).toMatch(/at least 300/);
    expect(byField["client.resource_scopes.1.resource"]).toMatch(/Duplicate resource 'a'/);
  });

  it("needs a resource or a client part, and a resource needs 1-100 scopes", () => {
    expect(fieldsOf(() => parseInput(partyCreateSchema, { name: "x" }))[0].message).toMatch(/resource part, a client part/);
    expect(fieldsOf(() => parseInput(partyCreateSchema, { name: "x", resource: { scopes: [] } }))[0].field).toBe("resource.scopes");
    const many = Array.from({ length: 101 }, (_, i) => `s${i}`);
    expect(fieldsOf(() => parseInput(partyCreateSchema, { name: "x", resource: { scopes: many } }))[0].message).toMatch(/at most 100/);
  });

  it("reports claim transform errors under claim_transforms", () => {
    const fields = fieldsOf(() =>
      parseInput(partyCreateSchema, { name: "x", client: {}, claim_transforms: [{ type: "nonsense" }] }),
    );
    expect(fields.some((f) => f.field.startsWith("claim_transforms.0"))).toBe(true);
  });
});

describe("tenant, track and list schemas", () => {
  it("refuses reserved tenant names and names with other characters", () => {
    expect(fieldsOf(() => parseInput(tenantCreateSchema, { name: "API" }))[0].message).toMatch(/reserved/);
    expect(fieldsOf(() => parseInput(tenantCreateSchema, { name: "a b" }))[0].message).toMatch(/1-50 letters/);
    expect(fieldsOf(() => parseInput(tenantCreateSchema, {}))[0].message).toMatch(/required/);
    expect(parseInput(tenantCreateSchema, { name: "Acme_1" }).name).toBe("acme_1");
  });

  it("refuses track names the API routes would shadow and unknown algorithms", () => {
    expect(fieldsOf(() => parseInput(trackCreateSchema, { name: "tracks" }))[0].message).toMatch(/reserved/);
    expect(fieldsOf(() => parseInput(trackCreateSchema, { name: "t", signing_algorithm: "HS256" }))[0].field).toBe(
      "signing_algorithm",
    );
  });

  it("reads page_size from the query string within 1-500", () => {
    expect(parseInput(listQuerySchema, {}).page_size).toBe(100);
    expect(parseInput(listQuerySchema, { page_size: "20" }).page_size).toBe(20);
    expect(fieldsOf(() => parseInput(listQuerySchema, { page_size: "0" }))[0].field).toBe("page_size");
  });
});
