import { describe, expect, it } from "vitest";
import { applyClaimTransforms, type Claim, type ClaimTransform, claimTransformsSchema } from "@/lib/claims";

const base: Claim[] = [
  { type: "sub", value: "c_app" },
  { type: "client_id", value: "app" },
  { type: "aud", value: "api" },
  { type: "scope", value: "api:read api:write" },
  { type: "role", value: "reader" },
  { type: "role", value: "Admin" },
  { type: "email", value: "ops@example.com" },
];

/** Validates like a save does, then applies: tests exercise only lists that can be stored. */
function run(transforms: unknown[], claims: Claim[] = base): Claim[] {
  return applyClaimTransforms(claims, claimTransformsSchema.parse(transforms));
}
const valuesOf = (claims: Claim[], type: string) => claims.filter((c) => c.type === type).map((c) => c.value);

describe("constant", () => {
  it("add appends the claim and keeps existing values (multi-valued)", () => {
    const out = run([{ type: "constant", claims_out: ["role"], transformation: "writer" }]);
    expect(valuesOf(out, "role")).toEqual(["reader", "Admin", "writer"]);
  });
  it("replace removes every existing claim of the output type first", () => {
    const out = run([{ type: "constant", action: "replace", claims_out: ["role"], transformation: "writer" }]);
    expect(valuesOf(out, "role")).toEqual(["writer"]);
    expect(valuesOf(out, "email")).toEqual(["ops@example.com"]);
  });
  it("add into a single-valued claim such as acr runs as replace (FoxIDs' forced replace)", () => {
    const out = run([{ type: "constant", claims_out: ["acr"], transformation: "2" }], [...base, { type: "acr", value: "1" }]);
    expect(valuesOf(out, "acr")).toEqual(["2"]);
  });
  it("creates the claim when none exists", () => {
    const out = run([{ type: "constant", claims_out: ["tenant"], transformation: "acme" }]);
    expect(valuesOf(out, "tenant")).toEqual(["acme"]);
  });
});

describe("match_claim", () => {
  const t = (action: string, claimIn = "role") => ({
    type: "match_claim",
    action,
    claims_in: [claimIn],
    claims_out: ["tier"],
    transformation: "gold",
  });
  const withTier = [...base, { type: "tier", value: "bronze" }];

  it("add creates one output claim per input claim", () => {
    expect(valuesOf(run([t("add")]), "tier")).toEqual(["gold", "gold"]);
  });
  it("add does nothing when the input claim is absent", () => {
    expect(valuesOf(run([t("add", "missing")]), "tier")).toEqual([]);
  });
  it("claim types compare case-sensitively", () => {
    expect(valuesOf(run([t("add", "Role")]), "tier")).toEqual([]);
  });
  it("replace removes existing output claims and adds the new ones", () => {
    expect(valuesOf(run([t("replace")], withTier), "tier")).toEqual(["gold", "gold"]);
  });
  it("replace with nothing matched removes nothing", () => {
    expect(valuesOf(run([t("replace", "missing")], withTier), "tier")).toEqual(["bronze"]);
  });
  it("add_if_not adds one claim only when nothing matched", () => {
    expect(valuesOf(run([t("add_if_not", "missing")], withTier), "tier")).toEqual(["bronze", "gold"]);
    expect(valuesOf(run([t("add_if_not")], withTier), "tier")).toEqual(["bronze"]);
  });
  it("replace_if_not replaces with one claim only when nothing matched", () => {
    expect(valuesOf(run([t("replace_if_not", "missing")], withTier), "tier")).toEqual(["gold"]);
    expect(valuesOf(run([t("replace_if_not")], withTier), "tier")).toEqual(["bronze"]);
  });
  it("remove drops every claim of the output type, whatever the input", () => {
    const out = run([{ type: "match_claim", action: "remove", claims_out: ["role"] }]);
    expect(valuesOf(out, "role")).toEqual([]);
    expect(out).toHaveLength(base.length - 2);
  });
});

describe("match", () => {
  const t = (action: string, value = "Admin") => ({
    type: "match",
    action,
    claims_in: ["role"],
    claims_out: ["is_admin"],
    transformation: value,
    transformation_extension: "true",
  });
  it("add creates the output claim for each input value equal to the match value", () => {
    expect(valuesOf(run([t("add")]), "is_admin")).toEqual(["true"]);
  });
  it("values compare case-sensitively (ordinal)", () => {
    expect(valuesOf(run([t("add", "admin")]), "is_admin")).toEqual([]);
  });
  it("replace swaps out existing output claims when it matched", () => {
    const claims = [...base, { type: "is_admin", value: "false" }];
    expect(valuesOf(run([t("replace")], claims), "is_admin")).toEqual(["true"]);
    expect(valuesOf(run([t("replace", "nobody")], claims), "is_admin")).toEqual(["false"]);
  });
  it("add_if_not and replace_if_not act only when no value matched", () => {
    const claims = [...base, { type: "is_admin", value: "maybe" }];
    const notAdmin = { ...t("add_if_not", "root"), transformation_extension: "false" };
    expect(valuesOf(run([notAdmin], claims), "is_admin")).toEqual(["maybe", "false"]);
    expect(valuesOf(run([{ ...notAdmin, action: "replace_if_not" }], claims), "is_admin")).toEqual(["false"]);
    expect(valuesOf(run([t("add_if_not")], claims), "is_admin")).toEqual(["maybe"]);
    expect(valuesOf(run([t("replace_if_not")], claims), "is_admin")).toEqual(["maybe"]);
  });
  it("remove drops output-type claims whose value equals the match value", () => {
    const out = run([{ type: "match", action: "remove", claims_out: ["role"], transformation: "Admin" }]);
    expect(valuesOf(out, "role")).toEqual(["reader"]);
  });
});

describe("reg_ex_match", () => {
  const t = (action: string, regex: string) => ({
    type: "reg_ex_match",
    action,
    claims_in: ["email"],
    claims_out: ["staff"],
    transformation: regex,
    transformation_extension: "yes",
  });
  it("add matches anywhere in the value, ignoring case, as .NET's Regex.Match", () => {
    expect(valuesOf(run([t("add", "EXAMPLE\\.com$")]), "staff")).toEqual(["yes"]);
    expect(valuesOf(run([t("add", "^example")]), "staff")).toEqual([]);
  });
  it("replace, add_if_not and replace_if_not", () => {
    const claims = [...base, { type: "staff", value: "no" }];
    expect(valuesOf(run([t("replace", "@example")], claims), "staff")).toEqual(["yes"]);
    expect(valuesOf(run([t("add_if_not", "@other")], claims), "staff")).toEqual(["no", "yes"]);
    expect(valuesOf(run([t("replace_if_not", "@other")], claims), "staff")).toEqual(["yes"]);
    expect(valuesOf(run([t("replace_if_not", "@example")], claims), "staff")).toEqual(["no"]);
  });
  it("remove drops output-type claims whose value matches", () => {
    const out = run([{ type: "reg_ex_match", action: "remove", claims_out: ["role"], transformation: "^adm" }]);
    expect(valuesOf(out, "role")).toEqual(["reader"]);
  });
});

describe("map", () => {
  it("add copies every value of the input claim", () => {
    expect(valuesOf(run([{ type: "map", claims_in: ["role"], claims_out: ["roles"] }]), "roles")).toEqual([
      "reader",
      "Admin",
    ]);
  });
  it("replace removes the existing output claims", () => {
    const out = run([{ type: "map", action: "replace", claims_in: ["email"], claims_out: ["role"] }]);
    expect(valuesOf(out, "role")).toEqual(["ops@example.com"]);
  });
  it("add_if_not_out adds only when no output claim exists yet", () => {
    const t = { type: "map", action: "add_if_not_out", claims_in: ["email"], claims_out: ["contact"] };
    expect(valuesOf(run([t]), "contact")).toEqual(["ops@example.com"]);
    const claims = [...base, { type: "contact", value: "x" }];
    expect(valuesOf(run([t], claims), "contact")).toEqual(["x"]);
  });
  it("may read a protected claim (client_id → azp)", () => {
    expect(valuesOf(run([{ type: "map", claims_in: ["client_id"], claims_out: ["azp"] }]), "azp")).toEqual(["app"]);
  });
});

describe("reg_ex_map", () => {
  const t = (action = "add") => ({
    type: "reg_ex_map",
    action,
    claims_in: ["email"],
    claims_out: ["domain"],
    transformation: "@(?<map>[^.]+)\\.",
  });
  it("add creates the output from the named group 'map'", () => {
    expect(valuesOf(run([t()]), "domain")).toEqual(["example"]);
  });
  it("skips values that do not match", () => {
    const out = run([{ ...t(), claims_in: ["role"] }]);
    expect(valuesOf(out, "domain")).toEqual([]);
  });
  it("FoxIDs' documented example ^(?<map>\\S+)\\s\\S+$ takes the first word", () => {
    const claims = [{ type: "name", value: "Ada Lovelace" }];
    const out = run([{ type: "reg_ex_map", claims_in: ["name"], claims_out: ["given_name"], transformation: "^(?<map>\\S+)\\s\\S+$" }], claims);
    expect(valuesOf(out, "given_name")).toEqual(["Ada"]);
  });
  it("replace and add_if_not_out", () => {
    const claims = [...base, { type: "domain", value: "old" }];
    expect(valuesOf(run([t("replace")], claims), "domain")).toEqual(["example"]);
    expect(valuesOf(run([t("add_if_not_out")], claims), "domain")).toEqual(["old"]);
    expect(valuesOf(run([t("add_if_not_out")]), "domain")).toEqual(["example"]);
  });
  it("a map group that took no part in the match gives an empty value, which is dropped", () => {
    const out = run([{ ...t(), transformation: "ops|(?<map>zzz)" }]);
    expect(valuesOf(out, "domain")).toEqual([]);
  });
});

describe("concatenate", () => {
  const t = (format: string, claimsIn = ["sub", "email"], action = "add") => ({
    type: "Concatenate",
    action,
    claims_in: claimsIn,
    claims_out: ["label"],
    transformation: format,
  });
  it("fills {0}, {1} with the first value of each input claim", () => {
    expect(valuesOf(run([t("{0} <{1}>")]), "label")).toEqual(["c_app <ops@example.com>"]);
  });
  it("uses only the first value of a multi-valued claim", () => {
    expect(valuesOf(run([t("{0}", ["role"])]), "label")).toEqual(["reader"]);
  });
  it("a missing input becomes empty when another input was found", () => {
    expect(valuesOf(run([t("{0}|{1}", ["missing", "sub"])]), "label")).toEqual(["|c_app"]);
  });
  it("creates nothing when no input claim was found", () => {
    expect(valuesOf(run([t("x{0}", ["missing"])]), "label")).toEqual([]);
  });
  it("supports .NET escapes {{ }}, repeated indexes and alignment", () => {
    expect(valuesOf(run([t("{{{0}}}-{0}-{1,4}-{1,-4}.", ["sub", "client_id"])]), "label")).toEqual([
      "{c_app}-c_app- app-app .",
    ]);
  });
  it("replace removes existing output claims", () => {
    const claims = [...base, { type: "label", value: "old" }];
    expect(valuesOf(run([t("{0}", ["sub"], "replace")], claims), "label")).toEqual(["c_app"]);
  });
});

describe("ordering and chaining", () => {
  it("runs in `order`, not list position, and later transforms see earlier output", () => {
    const out = run([
      { type: "map", order: 2, claims_in: ["tier"], claims_out: ["tiers"] },
      { type: "constant", order: 1, claims_out: ["tier"], transformation: "gold" },
    ]);
    expect(valuesOf(out, "tiers")).toEqual(["gold"]);
  });
  it("the other order sees nothing to map", () => {
    const out = run([
      { type: "map", order: 1, claims_in: ["tier"], claims_out: ["tiers"] },
      { type: "constant", order: 2, claims_out: ["tier"], transformation: "gold" },
    ]);
    expect(valuesOf(out, "tiers")).toEqual([]);
  });
  it("_local: claims are variables, dropped from the result", () => {
    const out = run([
      { type: "reg_ex_map", claims_in: ["email"], claims_out: ["_local:user"], transformation: "^(?<map>[^@]+)" },
      { type: "concatenate", claims_in: ["_local:user"], claims_out: ["nick"], transformation: "{0}-bot" },
    ]);
    expect(valuesOf(out, "nick")).toEqual(["ops-bot"]);
    expect(out.some((c) => c.type.startsWith("_local:"))).toBe(false);
  });
  it("leaves the input array untouched", () => {
    const input = base.map((c) => ({ ...c }));
    run([{ type: "constant", action: "replace", claims_out: ["role"], transformation: "x" }], input);
    expect(input).toEqual(base);
  });
});

describe("protected claims", () => {
  it("a transform targeting a protected claim is never applied, even if it bypassed validation", () => {
    const raw: ClaimTransform[] = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "client_id", "scope", "Scope"].flatMap(
      (out, i) => [
        { type: "constant", action: "replace", order: i * 2, claims_in: [], claims_out: [out], transformation: "evil", transformation_extension: null },
        { type: "match_claim", action: "remove", order: i * 2 + 1, claims_in: [], claims_out: [out], transformation: null, transformation_extension: null },
      ],
    );
    expect(applyClaimTransforms(base, raw)).toEqual(base);
  });
});

describe("robustness", () => {
  it("never throws on unvalidated or half-edited transforms", () => {
    const junk = [
      { type: "reg_ex_match", action: "add", order: 1, claims_in: ["email"], claims_out: ["x"], transformation: "(?=a", transformation_extension: "y" },
      { type: "concatenate", action: "add", order: 2, claims_in: ["sub"], claims_out: ["x"], transformation: "{0", transformation_extension: null },
      { type: "bogus", action: "add", order: 3, claims_in: [], claims_out: [], transformation: null, transformation_extension: null },
      { type: "map", action: "add", order: 4, claims_in: undefined, claims_out: ["m"] },
      null,
    ] as unknown as ClaimTransform[];
    expect(() => applyClaimTransforms(base, junk)).not.toThrow();
    expect(applyClaimTransforms(base, junk)).toEqual(base);
  });
  it("a catastrophic pattern (a+)+$ on a long input finishes in linear time", () => {
    const evil = "a".repeat(100_000) + "b";
    const claims = [{ type: "in", value: evil }];
    const transforms = claimTransformsSchema.parse([
      { type: "reg_ex_match", claims_in: ["in"], claims_out: ["hit"], transformation: "(a+)+$", transformation_extension: "1" },
      { type: "reg_ex_map", claims_in: ["in"], claims_out: ["m"], transformation: "^(?<map>(a|aa)+)+$" },
    ]);
    const started = performance.now();
    const out = applyClaimTransforms(claims, transforms);
    const elapsed = performance.now() - started;
    expect(valuesOf(out, "hit")).toEqual([]);
    expect(valuesOf(out, "m")).toEqual([]);
    // JavaScript's backtracking RegExp took 34 s for /(a+)+$/ on just 28 "a"s + "b" here; RE2 took 80–240 ms for 100,000
    expect(elapsed).toBeLessThan(2000);
  });
});
