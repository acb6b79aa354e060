import type { ClaimTransform } from "./canonical";
import { LOCAL_CLAIM_PREFIX, isForcedReplaceClaim, isProtectedClaim } from "./catalog";
import { fillFormat, parseFormat } from "./format";
import { ClaimLimitError, MAX_CLAIM_VALUE_CHARS, MAX_TOKEN_CLAIMS, MAX_TRANSFORMED_CLAIMS_BYTES, limitMessages } from "./limits";
import { compileRegex, regexFinds, regexMapGroup } from "./regex";
import type { ClaimTransformType } from "./transform-types";

export type Claim = { type: string; value: string };

export type ClaimTransformResult =
  | { ok: true; claims: Claim[] }
  /** `index`: the position, in `order`, of the transform that passed a limit */
  | { ok: false; index: number; message: string };

/**
 * Runs a party's claim transforms over the claims, in `order`, with FoxIDs' semantics (README "Claim transforms").
 * Claim types and plain values compare ordinally; regexes are case-insensitive RE2 (linear time).
 * Pure and synchronous; it never throws: a transform that cannot run (only possible for a list that
 * was never validated) is skipped, and one whose result would pass a limit (limits.ts) ends the run
 * with that transform named. Protected claims pass through untouched. `_local:` claims are variables
 * and claims with an empty value are dropped, as FoxIDs drops them before issuing.
 */
export function runClaimTransforms(claims: readonly Claim[], transforms: readonly ClaimTransform[]): ClaimTransformResult {
  const work = claims.map((c) => ({ type: c.type, value: c.value }));
  const ordered = transforms
    .filter((t) => typeof t === "object" && t !== null)
    .map((t, i) => ({ t, i }))
    .sort((a, b) => (a.t.order ?? 0) - (b.t.order ?? 0) || a.i - b.i);
  for (const [position, { t }] of ordered.entries()) {
    try {
      applyOne(work, t);
    } catch (e) {
      if (e instanceof ClaimLimitError) return { ok: false, index: position, message: e.message };
      // unreachable for a validated transform; a preview of a half-edited one just skips it
    }
  }
  const out = work.filter((c) => c.value !== "" && !c.type.startsWith(LOCAL_CLAIM_PREFIX));
  // runs in the browser too (the editor's preview): no Buffer
  const bytes = new TextEncoder().encode(JSON.stringify(out.map((c) => [c.type, c.value]))).length;
  if (bytes > MAX_TRANSFORMED_CLAIMS_BYTES) return { ok: false, index: ordered.length - 1, message: limitMessages.bytes };
  return { ok: true, claims: out };
}

/** The claims after the transforms, or the input unchanged when a limit stopped them (for previews). */
export function applyClaimTransforms(claims: readonly Claim[], transforms: readonly ClaimTransform[]): Claim[] {
  const r = runClaimTransforms(claims, transforms);
  return r.ok ? r.claims : claims.map((c) => ({ ...c }));
}

type Work = Claim[];

type Runner = (claims: Work, t: ClaimTransform, out: string) => void;

// One runner per type: a type added to the table without one does not compile.
const RUNNERS: Record<ClaimTransformType, Runner> = {
  constant: (claims, t, out) => {
    if (t.transformation === null) return;
    addOrReplace(claims, t.action, [{ type: out, value: t.transformation }]);
  },
  match_claim: (claims, t, out) => matchFamily(claims, t, out, () => true, t.transformation),
  match: (claims, t, out) => matchFamily(claims, t, out, (v) => v === t.transformation, t.transformation_extension),
  reg_ex_match: (claims, t, out) => {
    const compiled = compileRegex(t.transformation ?? "");
    if (compiled.ok) matchFamily(claims, t, out, (v) => regexFinds(compiled.regex, v), t.transformation_extension);
  },
  map: (claims, t, out) => mapFamily(claims, t, out, (v) => v),
  reg_ex_map: (claims, t, out) => {
    const compiled = compileRegex(t.transformation ?? "");
    if (compiled.ok) mapFamily(claims, t, out, (v) => regexMapGroup(compiled.regex, v));
  },
  concatenate: (claims, t, out) => concatenate(claims, t, out),
};

function applyOne(claims: Work, t: ClaimTransform) {
  const out = t.claims_out?.[0];
  if (!out || isProtectedClaim(out)) return;
  const action = t.action === "add" && isForcedReplaceClaim(out) ? "replace" : t.action;
  // an unvalidated type (a half-edited preview) has no runner and is skipped
  if (Object.hasOwn(RUNNERS, t.type)) RUNNERS[t.type](claims, { ...t, action }, out);
}

function addOrReplace(claims: Work, action: string, created: Claim[]) {
  // FoxIDs: a replace with nothing created removes nothing.
  if (created.length === 0) return;
  if (created.some((c) => c.value.length > MAX_CLAIM_VALUE_CHARS)) throw new ClaimLimitError(limitMessages.value);
  if (action === "replace" || action === "replace_if_not") {
    const types = new Set(created.map((c) => c.type));
    removeWhere(claims, (c) => types.has(c.type));
  }
  if (claims.length + created.length > MAX_TOKEN_CLAIMS) throw new ClaimLimitError(limitMessages.count);
  claims.push(...created);
}

function removeWhere(claims: Work, predicate: (c: Claim) => boolean) {
  let w = 0;
  for (const c of claims) if (!predicate(c)) claims[w++] = c;
  claims.length = w;
}

/** match_claim, match and reg_ex_match: `matches` tests the value of an input claim. */
function matchFamily(
  claims: Work,
  t: ClaimTransform,
  out: string,
  matches: (value: string) => boolean,
  newValue: string | null,
) {
  if (t.action === "remove") {
    // remove acts on the output claim type, filtered by the same value test (none for match_claim)
    removeWhere(claims, (c) => c.type === out && matches(c.value));
    return;
  }
  if (newValue === null) return;
  const input = t.claims_in[0];
  const matched = claims.filter((c) => c.type === input && matches(c.value)).length;
  if (t.action === "add" || t.action === "replace") {
    addOrReplace(claims, t.action, Array.from({ length: matched }, () => ({ type: out, value: newValue })));
  } else if ((t.action === "add_if_not" || t.action === "replace_if_not") && matched === 0) {
    addOrReplace(claims, t.action, [{ type: out, value: newValue }]);
  }
}

/** map and reg_ex_map: `valueOf` gives the new value for an input claim's value, or null to skip it. */
function mapFamily(claims: Work, t: ClaimTransform, out: string, valueOf: (value: string) => string | null) {
  const input = t.claims_in[0];
  const created: Claim[] = [];
  for (const c of claims) {
    if (c.type !== input) continue;
    const value = valueOf(c.value);
    if (value !== null) created.push({ type: out, value });
  }
  if (t.action === "add_if_not_out") {
    if (!claims.some((c) => c.type === out)) addOrReplace(claims, "add", created);
    return;
  }
  addOrReplace(claims, t.action, created);
}

function concatenate(claims: Work, t: ClaimTransform, out: string) {
  const parsed = parseFormat(t.transformation ?? "");
  if (!parsed.ok) return;
  let found = false;
  const values = t.claims_in.map((type) => {
    const hit = claims.find((c) => c.type === type);
    if (hit) found = true;
    return hit?.value ?? "";
  });
  if (found) addOrReplace(claims, t.action, [{ type: out, value: fillFormat(parsed.parts, values) }]);
}
