import { describe, expect, it } from "vitest";
import { assertAllTenants, assertTenantAccess, type Actor } from "@/lib/control/actor";
import { canAccessTenant } from "@/lib/tenancy";
import { DomainError } from "@/lib/control/errors";
import { diffFields, redact } from "@/lib/audit/diff";

const master: Actor = { kind: "client", clientId: "ci", tenant: null };
const acme: Actor = { kind: "admin", id: "1", email: "a@acme", tenant: "acme", role: "admin" };

describe("actor authorization", () => {
  it("a tenant actor reaches its own tenant only, case-insensitively", () => {
    expect(canAccessTenant(acme, "ACME")).toBe(true);
    expect(canAccessTenant(acme, "other")).toBe(false);
    expect(() => assertTenantAccess(acme, "other")).toThrow(DomainError);
    expect(() => assertTenantAccess(master, "other")).not.toThrow();
  });

  it("fails closed for anything that is not a known actor", () => {
    for (const bad of [undefined, null, {}, { kind: "robot", tenant: null }]) {
      expect(() => assertTenantAccess(bad as unknown as Actor, "acme")).toThrow(/not allowed/);
      expect(() => assertAllTenants(bad as unknown as Actor)).toThrow(DomainError);
    }
    expect(() => assertAllTenants(acme)).toThrow(/master administrator/);
    expect(() => assertAllTenants(master)).not.toThrow();
  });
});

describe("audit changes", () => {
  it("records changed fields only, flattened, with secrets and key material left out", () => {
    const before = { name: "a", version: 1, client: { auth_method: "client_secret_post", secret: "s1" }, resource: null };
    const after = { name: "a", version: 2, client: { auth_method: "private_key_jwt", secret: "s2" }, jwk: { d: "x" } };
    expect(diffFields(before, after)).toEqual({
      "client.auth_method": { from: "client_secret_post", to: "private_key_jwt" },
      resource: { from: null },
    });
    expect(redact({ secret_id: "1", secret: "x", hash: "h", certificate_pem: "p", kid: "k" })).toEqual({ secret_id: "1", kid: "k" });
  });
});
