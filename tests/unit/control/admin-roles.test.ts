import { describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record";
import { assertMayWrite, type Actor } from "@/lib/control/actor";
import { DomainError } from "@/lib/control/errors";
import { assertStrongPassword } from "@/lib/control/password-policy";
import { canWrite } from "@/lib/tenancy";

// README "Admin users and roles": viewers never write, and passwords are judged with the user's e-mail.
const viewer: Actor = { kind: "admin", id: "1", email: "v@acme.example", tenant: "acme", role: "viewer" };
const admin: Actor = { kind: "admin", id: "2", email: "a@acme.example", tenant: "acme", role: "admin" };
const client: Actor = { kind: "client", clientId: "ci", tenant: null };

describe("roles", () => {
  it("only an administrator with role admin, or a Control API client, may write; anything else fails closed", () => {
    expect([admin, client].map(canWrite)).toEqual([true, true]);
    expect(canWrite(viewer)).toBe(false);
    for (const odd of [{ ...admin, role: "owner" }, { ...admin, role: undefined }, { kind: "system", name: "bootstrap" }, null]) {
      expect(canWrite(odd as unknown as Actor)).toBe(false);
    }
    expect(() => assertMayWrite(viewer)).toThrow(DomainError);
    expect(() => assertMayWrite(viewer)).toThrow("Your account is read-only.");
  });

  it("the audit writer refuses a viewer's write (rolling back its transaction), but not a change to their own account", async () => {
    const rows: unknown[] = [];
    const tx = { auditEvent: { create: async (a: unknown) => void rows.push(a) } } as unknown as Parameters<typeof recordAudit>[0];
    await expect(recordAudit(tx, viewer, { action: "party.create", tenant: null, targetType: "party", targetName: "x" })).rejects.toThrow(/read-only/);
    await expect(
      recordAudit(tx, viewer, { action: "admin_user.change_password", tenant: null, targetType: "admin_user", targetName: "someone@else", ownAccount: true }),
    ).rejects.toThrow(/read-only/);
    await recordAudit(tx, viewer, { action: "admin_user.change_password", tenant: null, targetType: "admin_user", targetName: viewer.email, ownAccount: true });
    await recordAudit(tx, admin, { action: "party.create", tenant: null, targetType: "party", targetName: "x" });
    expect(rows).toHaveLength(2);
  });
});

describe("password policy", () => {
  const field = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return (e as DomainError).fields;
    }
    return [];
  };
  it("refuses short, common and e-mail-derived passwords, naming the field but never the password", () => {
    for (const pw of ["short", "password1234", "qwertyuiop123", "jane.doe@example.com", "jane.doe2026!"]) {
      const fields = field(() => assertStrongPassword(pw, "jane.doe@example.com", "new_password"));
      expect(fields, pw).toHaveLength(1);
      expect(fields[0].field).toBe("new_password");
      expect(fields[0].message).not.toContain(pw);
    }
  });
  it("accepts a long unguessable one", () => {
    expect(assertStrongPassword("Tangerine orbit 48 quietly", "jane.doe@example.com", "password")).toBe("Tangerine orbit 48 quietly");
  });
});
