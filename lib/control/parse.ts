import type { z } from "zod";
import { invalid, type FieldError } from "./errors";

/** Validates input with a shared schema; failures become one validation DomainError with a per-field list. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw invalid(zodFieldErrors(r.error));
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
