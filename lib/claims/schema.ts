import { z } from "zod";
import { CLAIM_TRANSFORM_ACTIONS } from "./catalog";
import { canonicalClaimTransformSchema, type ClaimTransform } from "./canonical";
import { MAX_CLAIMS, MAX_CLAIM_TRANSFORMS, MAX_CLAIM_TYPE, MAX_TRANSFORMATION, checkClaimTransform } from "./rules";
import { CLAIM_TRANSFORM_TYPES } from "./transform-types";

export { MAX_CLAIM_TRANSFORMS };
export { canonicalClaimTransformSchema, type ClaimTransform };

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

function parseOne(input: unknown, ctx: z.RefinementCtx, defaultOrder: number): ClaimTransform {
  const { value, issues } = checkClaimTransform(input, defaultOrder);
  for (const issue of issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message, input });
  return value ?? z.NEVER;
}

// The rules live in rules.ts, for messages per field; this only documents the input for OpenAPI.
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

