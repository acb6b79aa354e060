import { describe, expect, it } from "vitest";
import { applyClaimTransforms, claimsFromPayload, claimsToPayload, claimTransformsSchema } from "@/lib/claims";

describe("JWT payload ⇄ claims", () => {
  it("arrays become several claims and back; one value stays a string", () => {
    const payload = { sub: "app", aud: ["api1", "api2"], role: ["r"], iat: 1700000000 };
    const claims = claimsFromPayload(payload);
    expect(claims).toEqual([
      { type: "sub", value: "app" },
      { type: "aud", value: "api1" },
      { type: "aud", value: "api2" },
      { type: "role", value: "r" },
      { type: "iat", value: "1700000000" },
    ]);
    expect(claimsToPayload(claims)).toEqual({ sub: "app", aud: ["api1", "api2"], role: "r", iat: "1700000000" });
  });

  it("a transform adding a second value turns the claim into an array", () => {
    const transforms = claimTransformsSchema.parse([{ type: "constant", claims_out: ["role"], transformation: "writer" }]);
    const out = claimsToPayload(applyClaimTransforms(claimsFromPayload({ sub: "app", role: "reader" }), transforms));
    expect(out).toEqual({ sub: "app", role: ["reader", "writer"] });
  });

  it("a claim named __proto__ stays an ordinary property", () => {
    const out = claimsToPayload([{ type: "__proto__", value: "x" }]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"__proto__":"x"}');
  });
});
