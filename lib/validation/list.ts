import { z } from "zod";

// Query-string values arrive as strings; empty means absent.
const text = (max: number) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), z.string().trim().max(max).optional());

export const listQuerySchema = z.object({
  filter: text(100),
  page_size: z.preprocess(
    (v) => (v === "" || v === null || v === undefined ? undefined : Number(v)),
    z
      .number({ error: "page_size must be a whole number from 1 to 500." })
      .int()
      .min(1, "page_size must be 1-500.")
      .max(500, "page_size must be 1-500.")
      .default(100),
  ),
  cursor: text(500),
});
export type ListQuery = z.input<typeof listQuerySchema>;

export const auditQuerySchema = listQuerySchema.extend({
  track: text(50),
  action: text(100),
  target_type: text(50),
  target_name: text(200),
  actor: text(320),
});
export type AuditQuery = z.input<typeof auditQuerySchema>;
