import { describe, expect, it } from "vitest";
import { reasonLine } from "@/lib/server/prepare";

describe("the reason printed when start-up fails", () => {
  it("never is empty when the message starts with a blank line", () => {
    expect(reasonLine("\nboom happened\nmore", "Error")).toBe("boom happened");
    expect(reasonLine("", "PrismaClientKnownRequestError")).toBe("PrismaClientKnownRequestError");
  });

  it("keeps a Prisma message's first and last line, never the call's arguments in between", () => {
    const msg = "\nInvalid `tx.adminUser.create()` invocation in\n/app/lib/bootstrap/first-start.ts:10:5\n\n  passwordHash: \"$argon2id$v=19$secret\"\n\nRaw query failed. Code: `P0001`. Message: `bootstrap interrupted`";
    const r = reasonLine(msg, "Error");
    expect(r).toContain("Raw query failed");
    expect(r).toContain("Invalid `tx.adminUser.create()` invocation");
    expect(r).not.toContain("argon2id");
  });
});
