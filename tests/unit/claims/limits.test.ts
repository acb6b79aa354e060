import { describe, expect, it } from "vitest";
import { claimTransformsSchema, MAX_TOKEN_CLAIMS, runClaimTransforms, type Claim } from "@/lib/claims";

// What a client's claim transforms may make of a token is bounded: the engine stops at the transform
// that passes a limit instead of building it.

const base: Claim[] = [
  { type: "sub", value: "svc" },
  { type: "client_id", value: "svc" },
];
const run = (transforms: unknown[]) => runClaimTransforms(base, claimTransformsSchema.parse(transforms));

describe("claim transform limits", () => {
  it("stop the concatenation that built a 400 MB token, at the first transform past the value limit", () => {
    const format = "{0}".repeat(100);
    const r = run([
      { type: "constant", claims_out: ["_local:seed"], transformation: "x".repeat(300) },
      { type: "concatenate", claims_in: ["_local:seed"], claims_out: ["_local:a"], transformation: format },
      { type: "concatenate", claims_in: ["_local:a"], claims_out: ["_local:b"], transformation: format },
      { type: "concatenate", claims_in: ["_local:b"], claims_out: ["big"], transformation: format },
    ]);
    expect(r).toEqual({ ok: false, index: 1, message: "A claim value would be longer than 2048 characters." });
  });

  it("stop a claim mapped into itself from doubling the claim count", () => {
    const r = run([
      { type: "constant", claims_out: ["role"], transformation: "reader" },
      ...Array.from({ length: 20 }, () => ({ type: "map", claims_in: ["role"], claims_out: ["role"] })),
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe(`The token would hold more than ${MAX_TOKEN_CLAIMS} claims.`);
  });

  it("stop claims whose total size passes 8 KiB", () => {
    const r = run(Array.from({ length: 30 }, (_, i) => ({ type: "constant", claims_out: [`c${i}`], transformation: "v".repeat(300) })));
    expect(r).toMatchObject({ ok: false, message: "The claims would take more than 8 KiB." });
  });

  it("leave ordinary lists alone", () => {
    const r = run([
      { type: "constant", claims_out: ["role"], transformation: "reader" },
      { type: "map", claims_in: ["client_id"], claims_out: ["azp"] },
      { type: "concatenate", claims_in: ["sub", "role"], claims_out: ["label"], transformation: "{0}@{1}" },
    ]);
    expect(r).toEqual({
      ok: true,
      claims: [...base, { type: "role", value: "reader" }, { type: "azp", value: "svc" }, { type: "label", value: "svc@reader" }],
    });
  });
});
