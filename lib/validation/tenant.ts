import { z } from "zod";
import { displayNameSchema, tenantNameSchema } from "./names";

export const tenantCreateSchema = z.object({
  name: tenantNameSchema,
  display_name: displayNameSchema.optional(),
});
export type TenantCreateInput = z.input<typeof tenantCreateSchema>;
