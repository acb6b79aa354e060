import { z } from "zod";
import { CLAIM_TRANSFORM_ACTIONS } from "./catalog";
import { CLAIM_TRANSFORM_TYPES } from "./transform-types";

/** One claim transform in Fennec's canonical form (FoxIDs' snake_case JSON), as stored and returned. */
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
