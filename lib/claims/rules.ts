import type { ClaimTransform } from "./canonical";
import { PROTECTED_CLAIMS, isProtectedClaim, type ClaimTransformAction } from "./catalog";
import { parseFormat } from "./format";
import { readClaimTransformInput, type ClaimTransformDraft, type Issue } from "./input";
import { compileRegex, hasMapGroup } from "./regex";
import { TRANSFORM_TYPES, type ClaimTransformType } from "./transform-types";

export const MAX_CLAIM_TRANSFORMS = 100;
export const MAX_CLAIMS = 10;
export const MAX_CLAIM_TYPE = 100;
export const MAX_TRANSFORMATION = 300;
// FoxIDs' JwtTypeRegExPattern ^[\w:\/\-.+]*$, with .NET's Unicode \w.
const CLAIM_TYPE = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}:/\-.+]+$/u;
const NAME = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}-]*$/u;

function checkClaimTypes(list: string[], field: "claims_in" | "claims_out", issues: Issue[]) {
  const what = field === "claims_in" ? "Input claim" : "Output claim";
  if (list.length > MAX_CLAIMS) issues.push({ path: [field], message: `At most ${MAX_CLAIMS} claims.` });
  list.forEach((type, i) => {
    if (!type) issues.push({ path: [field, i], message: `${what} must not be empty.` });
    else if (type.length > MAX_CLAIM_TYPE) {
      issues.push({ path: [field, i], message: `${what} must be at most ${MAX_CLAIM_TYPE} characters.` });
    } else if (!CLAIM_TYPE.test(type)) {
      issues.push({ path: [field, i], message: `${what} '${type}' may hold letters, digits and _ : / - . + only.` });
    }
  });
}

function checkOutput(t: ClaimTransformDraft, issues: Issue[]) {
  if (t.claims_out.length !== 1) {
    issues.push({ path: ["claims_out"], message: "Exactly one output claim is required." });
    return;
  }
  const out = t.claims_out[0];
  if (out && isProtectedClaim(out)) {
    issues.push({
      path: ["claims_out", 0],
      message: `'${out}' is set by Fennec and cannot be changed by a claim transform (protected: ${PROTECTED_CLAIMS.join(", ")}).`,
    });
  }
}

function checkRegex(t: ClaimTransformDraft, issues: Issue[], needsMapGroup: boolean) {
  if (!t.transformation?.trim()) return;
  const compiled = compileRegex(t.transformation);
  if (!compiled.ok) issues.push({ path: ["transformation"], message: compiled.message });
  else if (needsMapGroup && !hasMapGroup(compiled.regex)) {
    issues.push({ path: ["transformation"], message: "The regular expression needs a named group (?<map>…) holding the new value." });
  }
}

function checkFormat(t: ClaimTransformDraft, issues: Issue[]) {
  if (!t.transformation?.trim()) return;
  const parsed = parseFormat(t.transformation);
  if (!parsed.ok) issues.push({ path: ["transformation"], message: parsed.message });
  else if (parsed.maxIndex >= t.claims_in.length && t.claims_in.length > 0) {
    const n = t.claims_in.length;
    issues.push({
      path: ["transformation"],
      message: `{${parsed.maxIndex}} refers to input claim ${parsed.maxIndex + 1}, but there ${n === 1 ? "is 1 input claim" : `are ${n} input claims`}.`,
    });
  }
}

/** FoxIDs' per-type, per-action rules (ClaimTransform.Validate), with Fennec's regex and format checks. */
function checkRules(t: ClaimTransformDraft, type: ClaimTransformType, action: ClaimTransformAction, issues: Issue[]) {
  const info = TRANSFORM_TYPES[type];
  if (!info.actions.includes(action)) {
    issues.push({ path: ["action"], message: `${info.label} offers the actions ${info.actions.join(", ")}, not '${action}'.` });
    return;
  }
  checkOutput(t, issues);
  const removing = action === "remove";
  if (info.claimsIn === "one" && !removing && t.claims_in.length !== 1) {
    issues.push({ path: ["claims_in"], message: `Exactly one input claim is required for ${info.label}.` });
  }
  if (info.claimsIn === "many" && t.claims_in.length < 1) {
    issues.push({ path: ["claims_in"], message: `At least one input claim is required for ${info.label}.` });
  }
  const transformation = info.transformation;
  if (transformation && (!removing || transformation.onRemove) && !t.transformation?.trim()) {
    issues.push({ path: ["transformation"], message: transformation.required });
  }
  if (info.extension && !removing && !t.transformation_extension?.trim()) {
    issues.push({ path: ["transformation_extension"], message: "Enter the value of the new claim." });
  }
  if (transformation?.syntax === "regex" || transformation?.syntax === "regex_map") {
    checkRegex(t, issues, transformation.syntax === "regex_map");
  }
  if (transformation?.syntax === "format") checkFormat(t, issues);
}

function checkDraft(t: ClaimTransformDraft, issues: Issue[]) {
  if (!Number.isInteger(t.order) || t.order < 0 || t.order > 1000) {
    issues.push({ path: ["order"], message: "Order must be a whole number from 0 to 1000." });
  }
  if (t.type) {
    checkClaimTypes(t.claims_in, "claims_in", issues);
    checkClaimTypes(t.claims_out, "claims_out", issues);
  }
  for (const field of ["transformation", "transformation_extension"] as const) {
    if ((t[field]?.length ?? 0) > MAX_TRANSFORMATION) {
      issues.push({ path: [field], message: `Must be at most ${MAX_TRANSFORMATION} characters.` });
    }
  }
  if (t.name !== undefined && (t.name.length > 10 || !NAME.test(t.name))) {
    issues.push({ path: ["name"], message: "Name may hold at most 10 letters, digits, _ and -." });
  }
  if (t.type && t.action) checkRules(t, t.type, t.action, issues);
}

function toCanonical(t: ClaimTransformDraft, type: ClaimTransformType, action: ClaimTransformAction): ClaimTransform {
  const info = TRANSFORM_TYPES[type];
  const blankToNull = (v: string | null) => (v === null || v === "" ? null : v);
  return {
    type,
    action,
    order: t.order,
    claims_in: info.claimsIn !== "none" ? t.claims_in : [],
    claims_out: t.claims_out,
    transformation: info.transformation ? blankToNull(t.transformation) : null,
    transformation_extension: info.extension ? blankToNull(t.transformation_extension) : null,
    ...(t.name ? { name: t.name } : {}),
  };
}

/**
 * Reads one transform (FoxIDs spellings accepted) and checks it: the canonical transform, or the
 * problems, at most one per field (the first one is the one to fix).
 */
export function checkClaimTransform(input: unknown, defaultOrder: number): { value?: ClaimTransform; issues: Issue[] } {
  const read = readClaimTransformInput(input, defaultOrder);
  const all: Issue[] = [...read.issues];
  if (read.draft) checkDraft(read.draft, all);
  const seen = new Set<string>();
  const issues = all.filter((i) => {
    const key = i.path.join(".");
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const d = read.draft;
  if (issues.length || !d?.type || !d.action) return { issues };
  return { value: toCanonical(d, d.type, d.action), issues };
}
