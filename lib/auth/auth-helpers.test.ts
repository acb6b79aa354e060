import { describe, expect, it } from "vitest";
import { clientAddress } from "./authenticate-admin";
import { safeCallbackPath } from "./callback-path";
import { signInSchema } from "./signin-schema";

describe("safeCallbackPath", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackPath("/control/acme/prod/applications?q=x")).toBe("/control/acme/prod/applications?q=x");
  });
  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", undefined, ["/control"], "/a b"])(
    "refuses %j and falls back to /control",
    (v) => {
      expect(safeCallbackPath(v)).toBe("/control");
    },
  );
});

describe("clientAddress", () => {
  it("takes the address the nearest proxy (or Next) appended", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9, 10.0.0.2" })).toBe("10.0.0.2");
    expect(clientAddress({ "x-forwarded-for": "::1" })).toBe("::1");
  });
  it("is null without the header", () => {
    expect(clientAddress({})).toBeNull();
    expect(clientAddress(undefined)).toBeNull();
  });
});

describe("signInSchema", () => {
  it("asks for both fields with readable messages", () => {
    const r = signInSchema.safeParse({ email: "", password: "" });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(["Enter your e-mail address.", "Enter your password."]);
  });
  it("accepts the default admin@localhost, which has no dot in its domain", () => {
    expect(signInSchema.safeParse({ email: "admin@localhost", password: "x" }).success).toBe(true);
  });
  it("refuses something that is not an address", () => {
    const r = signInSchema.safeParse({ email: "admin", password: "x" });
    expect(r.error!.issues[0].message).toBe("Enter a valid e-mail address.");
  });
});
