import { z } from "zod";
import {
  ACTIONS_BY_TYPE,
  CLAIM_TRANSFORM_ACTIONS,
  CLAIM_TRANSFORM_TYPES,
  PROTECTED_CLAIMS,
  TYPE_LABELS,
  isProtectedClaim,
  type ClaimTransformAction,
  type ClaimTransformType,
} from "@/lib/claims/catalog";
import { parseFormat } from "@/lib/claims/format";
import { compileRegex, hasMapGroup } from "@/lib/claims/regex";
import { normalizeAction, normalizeType, readClaimTransformInput, type ClaimTransformDraft } from "@/lib/claims/input";

/** One claim transform in Fennec's canonical form (FoxIDs' snake_case JSON, foxids.md §4.1), as stored and returned. */
export const canonicalClaimTransformSchema = z.object({
  type: z.enum(CLAIM_TRANSFORM_TYPES),
  action: z.enum(CLAIM_TRANSFORM_ACTIONS),
  order: z.number().int().min(0).max(1000),
  claims_in: z.array(z.string()),
  claims_out: z.array(z.string()),
  transformation: z.string().nullable(),
  transformation_extension: z.string().nullable(),
  name: z.string().optional(),
});
export type ClaimTransform = z.output<typeof canonicalClaimTransformSchema>;

/** What a client may send: canonical fields, or FoxIDs' spellings (`Concatenate`, `RegexMap`, `claim_out`, …). */
export type ClaimTransformInput = {
  type: string | number;
  action?: string | number | null;
  order?: number | null;
  claims_in?: string[] | null;
  claims_out?: string[] | null;
  claim_out?: string | null;
  transformation?: string | null;
  transformation_extension?: string | null;
  name?: string | null;
};

export const MAX_CLAIM_TRANSFORMS = 100;
const MAX_CLAIMS = 10;
const MAX_CLAIM_TYPE = 100;
const MAX_TRANSFORMATION = 300;
// FoxIDs' JwtTypeRegExPattern ^[\w:\/\-.+]*$, with .NET's Unicode \w.
const CLAIM_TYPE = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}:/\-.+]+$/u;
const NAME = /^[\p{L}\p{Mn}\p{Nd}\p{Pc}-]*$/u;

type Issue = { path: (string | number)[]; message: string };

const TRANSFORMATION_REQUIRED: Record<ClaimTransformType, string> = {
  constant: "Enter the value of the constant claim.",
  match_claim: "Enter the value of the new claim.",
  match: "Enter the value to match.",
  reg_ex_match: "Enter the regular expression to match.",
  map: "",
  reg_ex_map: "Enter a regular expression with a named group (?<map>…), e.g. ^(?<map>[^@]+)@.",
  concatenate: "Enter a format string such as {0} ({1}).",
};

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
function checkRules(t: ClaimTransformDraft, issues: Issue[]) {
  const type = t.type as ClaimTransformType;
  const action = t.action as ClaimTransformAction;
  if (!ACTIONS_BY_TYPE[type].includes(action)) {
    issues.push({
      path: ["action"],
      message: `${TYPE_LABELS[type]} offers the actions ${ACTIONS_BY_TYPE[type].join(", ")}, not '${action}'.`,
    });
    return;
  }
  checkOutput(t, issues);
  const removing = action === "remove";
  const needsOneIn = type !== "constant" && type !== "concatenate" && !removing;
  if (needsOneIn && t.claims_in.length !== 1) {
    issues.push({ path: ["claims_in"], message: `Exactly one input claim is required for ${TYPE_LABELS[type]}.` });
  }
  if (type === "concatenate" && t.claims_in.length < 1) {
    issues.push({ path: ["claims_in"], message: "At least one input claim is required for Concatenate." });
  }
  const needsTransformation = type !== "map" && !(removing && type === "match_claim");
  if (needsTransformation && !t.transformation?.trim()) {
    issues.push({ path: ["transformation"], message: TRANSFORMATION_REQUIRED[type] });
  }
  if ((type === "match" || type === "reg_ex_match") && !removing && !t.transformation_extension?.trim()) {
    issues.push({ path: ["transformation_extension"], message: "Enter the value of the new claim." });
  }
  if (type === "reg_ex_match" || type === "reg_ex_map") checkRegex(t, issues, type === "reg_ex_map");
  if (type === "concatenate") checkFormat(t, issues);
}

function checkDraft(t: ClaimTransformDraft, issues: Issue[]) {
  const type = normalizeType(t.rawType);
  if (!type.ok) issues.push({ path: ["type"], message: type.message });
  const action = normalizeAction(t.rawAction);
  if (!action.ok) issues.push({ path: ["action"], message: action.message });
  if (!Number.isInteger(t.order) || t.order < 0 || t.order > 1000) {
    issues.push({ path: ["order"], message: "Order must be a whole number from 0 to 1000." });
  }
  if (type.ok) {
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
  if (type.ok && action.ok) checkRules({ ...t, type: type.value, action: action.value }, issues);
}

function toCanonical(t: ClaimTransformDraft): ClaimTransform {
  const type = t.type as ClaimTransformType;
  const usesIn = type !== "constant";
  const usesTransformation = type !== "map";
  const usesExtension = type === "match" || type === "reg_ex_match";
  const blankToNull = (v: string | null) => (v === null || v === "" ? null : v);
  return {
    type,
    action: t.action as ClaimTransformAction,
    order: t.order,
    claims_in: usesIn ? t.claims_in : [],
    claims_out: t.claims_out,
    transformation: usesTransformation ? blankToNull(t.transformation) : null,
    transformation_extension: usesExtension ? blankToNull(t.transformation_extension) : null,
    ...(t.name ? { name: t.name } : {}),
  };
}

function parseOne(input: unknown, ctx: z.RefinementCtx, defaultOrder: number): ClaimTransform {
  const read = readClaimTransformInput(input, defaultOrder);
  const issues: Issue[] = [...read.issues];
  if (read.draft) checkDraft(read.draft, issues);
  const seen = new Set<string>();
  for (const issue of issues) {
    const key = issue.path.join(".");
    if (seen.has(key)) continue; // the first problem of a field is the one to fix
    seen.add(key);
    ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, input });
  }
  if (issues.length || !read.draft) return z.NEVER;
  const type = normalizeType(read.draft.rawType);
  const action = normalizeAction(read.draft.rawAction);
  return toCanonical({ ...read.draft, type: type.ok ? type.value : "", action: action.ok ? action.value : "" });
}

// The rules live in parseOne, for messages per field; this only documents the input in the OpenAPI document.
const inputItem = z.custom<ClaimTransformInput>().meta({
  type: "object",
  description:
    "A claim transform (FoxIDs JSON). Also accepted: FoxIDs' enum names and numbers (Concatenate, RegexMap, AddIfNot, 25) and a single claim_out.",
  required: ["type"],
  properties: {
    type: { type: "string", enum: [...CLAIM_TRANSFORM_TYPES] },
    action: { type: "string", enum: [...CLAIM_TRANSFORM_ACTIONS], default: "add" },
    order: { type: "integer", minimum: 0, maximum: 1000, description: "Defaults to the 1-based position in the list." },
    claims_in: { type: "array", maxItems: MAX_CLAIMS, items: { type: "string", maxLength: MAX_CLAIM_TYPE } },
    claims_out: { type: "array", minItems: 1, maxItems: 1, items: { type: "string", maxLength: MAX_CLAIM_TYPE } },
    claim_out: { type: "string", description: "FoxIDs' legacy single output claim." },
    transformation: { type: ["string", "null"], maxLength: MAX_TRANSFORMATION },
    transformation_extension: { type: ["string", "null"], maxLength: MAX_TRANSFORMATION },
    name: { type: "string", maxLength: 10 },
  },
});

/** One transform: accepts FoxIDs' spellings, refuses what FoxIDs refuses plus bad regexes and protected outputs. */
export const claimTransformSchema = inputItem
  .transform((input, ctx) => parseOne(input, ctx, 0))
  .pipe(canonicalClaimTransformSchema);

/** A party's ordered list; a transform without `order` gets its 1-based position. Sorted by `order`. */
export const claimTransformsSchema = z
  .array(inputItem, { error: "Claim transforms must be a list." })
  .max(MAX_CLAIM_TRANSFORMS, `At most ${MAX_CLAIM_TRANSFORMS} claim transforms.`)
  .transform((list, ctx) => {
    const out = list.map((item, i) => {
      const before = ctx.issues.length;
      const parsed = parseOne(item, prefixed(ctx, i), i + 1);
      return ctx.issues.length === before ? parsed : null;
    });
    checkDuplicates(out, ctx);
    if (out.some((t) => t === null)) return z.NEVER;
    return (out as ClaimTransform[]).map((t, i) => ({ t, i })).sort((a, b) => a.t.order - b.t.order || a.i - b.i).map((x) => x.t);
  })
  .pipe(z.array(canonicalClaimTransformSchema));

function prefixed(ctx: z.RefinementCtx, index: number): z.RefinementCtx {
  return {
    ...ctx,
    addIssue: (issue) => {
      if (typeof issue === "string") return ctx.addIssue({ code: "custom", message: issue, path: [index] });
      ctx.addIssue({ ...issue, path: [index, ...(issue.path ?? [])] } as Parameters<typeof ctx.addIssue>[0]);
    },
  };
}

// FoxIDs Control refuses a duplicated order number or name (ValidateApiModelClaimTransforms).
function checkDuplicates(list: (ClaimTransform | null)[], ctx: z.RefinementCtx) {
  const orders = new Map<number, number>();
  const names = new Map<string, number>();
  list.forEach((t, i) => {
    if (!t) return;
    const first = orders.get(t.order);
    if (first !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [i, "order"],
        message: `Duplicated claim transform order number '${t.order}' (also used by transform ${first + 1}).`,
      });
    } else orders.set(t.order, i);
    if (t.name) {
      if (names.has(t.name)) {
        ctx.addIssue({ code: "custom", path: [i, "name"], message: `Duplicated claim transform name '${t.name}'.` });
      } else names.set(t.name, i);
    }
  });
}

export type ClaimTransformFieldError = { field: string; message: string };

/** Validates a list the way a save would, returning per-field errors keyed by dotted path ("0.transformation"). */
export function validateClaimTransforms(
  list: unknown,
): { ok: true; value: ClaimTransform[] } | { ok: false; errors: ClaimTransformFieldError[] } {
  const result = claimTransformsSchema.safeParse(list);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((i) => ({ field: i.path.map(String).join("."), message: i.message })),
  };
}

export { CLAIM_TRANSFORM_ACTIONS, CLAIM_TRANSFORM_TYPES };
