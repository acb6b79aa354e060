import { describe, expect, it } from "vitest";
import { validateClaimTransforms } from "@/lib/claims";

// Type and action spellings are looked up by what the client sent: a name that Object.prototype has
// must read as unknown, not crash the save (a 500).
describe("claim transform spellings that are Object.prototype names", () => {
  it("are refused with a message per field", () => {
    const r = validateClaimTransforms([
      { type: "constructor", claims_out: ["a"], transformation: "x" },
      { type: "map", action: "valueOf", claims_in: ["a"], claims_out: ["b"] },
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { field: "0.type", message: expect.stringContaining("Unknown claim transform type 'constructor'") },
      { field: "1.action", message: expect.stringContaining("Unknown action 'valueOf'") },
    ]);
  });

});
