import { describe, expect, it } from "vitest";
import {
  adminEmailSchema,
  adminUserCreateSchema,
  adminUserQuerySchema,
  adminUserUpdateSchema,
  newPasswordSchema,
  passwordChangeSchema,
} from "@/lib/validation";
import { accepted, chars, refusals } from "./refusals";

const invalidEmail = "Enter a valid e-mail address.";

describe("administrator e-mail and password", () => {
  it("an e-mail address is trimmed, lowercased, one '@' between non-blank parts, at most 320 characters", () => {
    expect(accepted(adminEmailSchema, "  Ann@Example.COM ")).toBe("ann@example.com");
    expect(accepted(adminEmailSchema, "admin@localhost")).toBe("admin@localhost");
    const longest = `${chars(310)}@localhost`;
    expect(accepted(adminEmailSchema, longest)).toBe(longest);
    expect(refusals(adminEmailSchema, `a${longest}`)).toEqual({ "": ["An e-mail address has at most 320 characters."] });
    expect(refusals(adminEmailSchema, "  ")).toEqual({ "": ["Enter an e-mail address.", invalidEmail] });
    expect(refusals(adminEmailSchema, undefined)).toEqual({ "": ["E-mail address is required."] });
    for (const bad of ["ann", "@example.com", "ann@", "ann@b@c", "a nn@example.com", "ann@exa mple.com"]) {
      expect(refusals(adminEmailSchema, bad), bad).toEqual({ "": [invalidEmail] });
    }
  });

  it("a new password has 12-200 characters", () => {
    expect(accepted(newPasswordSchema, chars(12))).toBe(chars(12));
    expect(accepted(newPasswordSchema, chars(200))).toBe(chars(200));
    expect(refusals(newPasswordSchema, chars(11))).toEqual({ "": ["A password has at least 12 characters."] });
    expect(refusals(newPasswordSchema, chars(201))).toEqual({ "": ["A password has at most 200 characters."] });
    expect(refusals(newPasswordSchema, 123456789012)).toEqual({ "": ["Password is required."] });
  });

  it("a password change needs the current password and the new one twice", () => {
    const ok = { current_password: "x", new_password: chars(12, "n"), confirm_password: chars(12, "n") };
    expect(accepted(passwordChangeSchema, ok)).toEqual(ok);
    expect(refusals(passwordChangeSchema, { ...ok, confirm_password: chars(12, "m") })).toEqual({ confirm_password: ["The passwords do not match."] });
    expect(refusals(passwordChangeSchema, { ...ok, current_password: "" })).toEqual({ current_password: ["Enter your current password."] });
    expect(Object.keys(refusals(passwordChangeSchema, { ...ok, current_password: chars(201) }))).toEqual(["current_password"]);
    expect(accepted(passwordChangeSchema, { ...ok, current_password: chars(200) }).current_password).toBe(chars(200));
    expect(Object.keys(refusals(passwordChangeSchema, { ...ok, confirm_password: chars(201) }))).toEqual(["confirm_password"]);
  });
});

describe("administrators", () => {
  it("a new administrator has an e-mail address, a role, optionally a name, a tenant and a password", () => {
    expect(accepted(adminUserCreateSchema, { email: "A@B", role: "viewer" })).toEqual({ email: "a@b", role: "viewer" });
    expect(accepted(adminUserCreateSchema, { email: "a@b", role: "admin", name: " Ann ", tenant: " Acme ", password: chars(12) })).toEqual({
      email: "a@b",
      role: "admin",
      name: "Ann",
      tenant: "acme",
      password: chars(12),
    });
    expect(accepted(adminUserCreateSchema, { email: "a@b", role: "admin", name: null, tenant: null, password: null })).toMatchObject({
      name: null,
      tenant: null,
      password: null,
    });
    expect(accepted(adminUserCreateSchema, { email: "a@b", role: "admin", name: chars(100) }).name).toBe(chars(100));
    expect(refusals(adminUserCreateSchema, { email: "a@b", role: "owner", name: chars(101), tenant: "api", password: "short" })).toEqual({
      role: ["Role must be 'admin' or 'viewer'."],
      name: ["A name has at most 100 characters."],
      tenant: ["Tenant name is reserved."],
      password: ["A password has at least 12 characters."],
    });
  });

  it("an update sets disabled to true or false", () => {
    expect(accepted(adminUserUpdateSchema, { disabled: true })).toEqual({ disabled: true });
    expect(refusals(adminUserUpdateSchema, { disabled: "yes" })).toEqual({ disabled: ["disabled must be true or false."] });
  });

  it("the list reads a filter, page_size 1-500 (100 by default) and a cursor from the query string", () => {
    expect(accepted(adminUserQuerySchema, {})).toEqual({ page_size: 100 });
    expect(accepted(adminUserQuerySchema, { filter: " ann ", page_size: "500", cursor: chars(600) })).toEqual({ filter: "ann", page_size: 500, cursor: chars(600) });
    expect(accepted(adminUserQuerySchema, { filter: chars(100), page_size: "1" })).toEqual({ filter: chars(100), page_size: 1 });
    expect(Object.keys(refusals(adminUserQuerySchema, { filter: chars(101), page_size: "0", cursor: chars(601) }))).toEqual(["filter", "page_size", "cursor"]);
    expect(Object.keys(refusals(adminUserQuerySchema, { page_size: "501" }))).toEqual(["page_size"]);
    expect(Object.keys(refusals(adminUserQuerySchema, { page_size: "1.5" }))).toEqual(["page_size"]);
  });
});
