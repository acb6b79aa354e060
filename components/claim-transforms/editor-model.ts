import { claimTransformSchema, validateClaimTransforms, type Claim, type ClaimTransform, type ClaimTransformType } from "@/lib/claims";

export type EditorError = { field: string; message: string };
/** Errors as the Control API's per-field list, or as react-hook-form's nested error object. */
export type EditorErrorsProp = EditorError[] | Record<string, unknown> | undefined;

/** Flattens either shape into dotted paths relative to the list ("0.transformation"; "" for the list). */
export function flattenErrors(errors: EditorErrorsProp): EditorError[] {
  if (!errors) return [];
  if (Array.isArray(errors)) {
    return errors.map((e) => ({ field: e.field.replace(/^claim_transforms\.?/, ""), message: e.message }));
  }
  const out: EditorError[] = [];
  const walk = (node: unknown, path: string[]) => {
    if (!node || typeof node !== "object") return;
    const { message } = node as { message?: unknown };
    if (typeof message === "string" && message) out.push({ field: path.join("."), message });
    for (const [k, v] of Object.entries(node)) {
      if (k !== "message" && k !== "ref" && k !== "type" && k !== "types") walk(v, k === "root" ? path : [...path, k]);
    }
  };
  walk(errors, []);
  return out;
}

export function newTransform(type: ClaimTransformType, order: number): ClaimTransform {
  return {
    type,
    action: "add",
    order,
    claims_in: [],
    claims_out: [],
    transformation: null,
    transformation_extension: null,
  };
}

/** The editor keeps `order` as the 1-based list position, as FoxIDs Control does. */
export const renumber = (list: ClaimTransform[]) => list.map((t, i) => (t.order === i + 1 ? t : { ...t, order: i + 1 }));

export function defaultSampleClaims(clientId?: string): Claim[] {
  const id = clientId || "my-client";
  return [
    { type: "sub", value: id },
    { type: "client_id", value: id },
    { type: "aud", value: "my-api" },
    { type: "scope", value: "my-api:read" },
    { type: "email", value: "ops@example.com" },
  ];
}

/** Per-field problems of the current list, the way a save would report them. */
export function clientErrors(list: ClaimTransform[]): EditorError[] {
  const result = validateClaimTransforms(list);
  return result.ok ? [] : result.errors;
}

/** Which transforms can run in the preview: those a save would accept, in canonical form. */
export function runnable(list: ClaimTransform[]): { transforms: ClaimTransform[]; skipped: number[] } {
  const transforms: ClaimTransform[] = [];
  const skipped: number[] = [];
  list.forEach((t, i) => {
    const parsed = claimTransformSchema.safeParse(t);
    if (parsed.success) transforms.push(parsed.data);
    else skipped.push(i);
  });
  return { transforms, skipped };
}
