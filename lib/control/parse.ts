import type { z } from "zod";
import { invalid, type FieldError } from "./errors";

/** Validates input with a shared schema; failures become one validation DomainError with a per-field list. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw invalid(zodFieldErrors(r.error));
  const nul = nulFields(r.data);
  if (nul.length) throw invalid(nul);
  return r.data;
}

export function zodFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({
    field: i.path.map(String).join(".") || "(body)",
    message: i.code === "invalid_type" && i.input === undefined ? `${label(i.path)} is required.` : i.message,
  }));
}

function label(path: PropertyKey[]): string {
  const last = [...path].reverse().find((p) => typeof p === "string");
  return last ? String(last) : "Value";
}

const MAX_DEPTH = 20;

// PostgreSQL text and jsonb cannot hold U+0000: a value with one would fail its insert or query (a 500).
// The parsed value is what reaches the database, so that is what is checked.
function nulFields(value: unknown, path: string[] = [], out: FieldError[] = []): FieldError[] {
  if (out.length >= 10 || path.length > MAX_DEPTH) return out;
  const field = () => path.join(".") || "(body)";
  if (typeof value === "string") {
    if (value.includes("\u0000")) out.push({ field: field(), message: `${label(path)} must not contain a NUL character.` });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulFields(v, [...path, String(i)], out));
  } else if (value && typeof value === "object" && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      if (k.includes("\u0000")) out.push({ field: field(), message: `${label(path)} must not hold a name with a NUL character.` });
      else nulFields(v, [...path, k], out);
    }
  }
  return out;
}
