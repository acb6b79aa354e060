import type { z } from "zod";

/**
 * The value each field of an object schema takes when it is left out (its `.default()`), so that a
 * form starts from exactly what the API would store for the same omission. Fields without a default
 * are left out; pass them in `values`.
 */
export function formDefaults<S extends z.ZodObject, V extends Partial<z.input<S>>>(schema: S, values: V): Partial<z.input<S>> & V {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const r = (field as z.ZodType).safeParse(undefined);
    if (r.success && r.data !== undefined) out[key] = r.data;
  }
  return { ...out, ...values } as Partial<z.input<S>> & V;
}
