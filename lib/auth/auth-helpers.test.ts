import { describe, expect, it } from "vitest";
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

describe("lockSeconds", () => {
  it("doubles from one minute with each lock of the day, up to 15 minutes", async () => {
    const { lockSeconds } = await import("./signin-throttle");
    expect([1, 2, 3, 4, 5, 6, 50].map(lockSeconds)).toEqual([60, 120, 240, 480, 900, 900, 900]);
  });
});
