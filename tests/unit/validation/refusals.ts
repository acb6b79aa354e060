import { expect } from "vitest";
import type { z } from "zod";

/** The messages a refused input gets, by field path ("a.0.b"; "" for the value itself), as the API lists them. */
export function refusals(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const r = schema.safeParse(input);
  if (r.success) throw new Error(`expected a refusal, got ${JSON.stringify(r.data)}`);
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.map(String).join(".")] ??= []).push(i.message);
  return out;
}

/** The parsed value of an accepted input. */
export function accepted<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  expect(r.error?.issues ?? []).toEqual([]);
  return r.data as z.output<S>;
}

export const chars = (n: number, c = "a") => c.repeat(n);
