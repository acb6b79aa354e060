import { z } from "zod";

export const secretCreateSchema = z.object({
  expires_at: z.iso
    .datetime({ offset: true, error: "Expiry must be an ISO 8601 date-time, e.g. 2027-01-31T00:00:00Z." })
    .refine((v) => Date.parse(v) > Date.now(), "Expiry must be in the future.")
    .nullish(),
});
export type SecretCreateInput = z.input<typeof secretCreateSchema>;
