export { applyClaimTransforms, runClaimTransforms, type Claim, type ClaimTransformResult } from "./apply";
export { MAX_CLAIM_VALUE_CHARS, MAX_TOKEN_CLAIMS, MAX_TRANSFORMED_CLAIMS_BYTES } from "./limits";
export {
  ACTION_LABELS,
  CLAIM_TRANSFORM_ACTIONS,
  LOCAL_CLAIM_PREFIX,
  PROTECTED_CLAIMS,
  isForcedReplaceClaim,
  isProtectedClaim,
  type ClaimTransformAction,
} from "./catalog";
export { canonicalClaimTransformSchema, type ClaimTransform } from "./canonical";
export { claimsFromPayload, claimsToPayload } from "./payload";
export {
  claimTransformSchema,
  claimTransformsSchema,
  validateClaimTransforms,
  MAX_CLAIM_TRANSFORMS,
  type ClaimTransformFieldError,
  type ClaimTransformInput,
} from "./schema";
export {
  CLAIM_TRANSFORM_TYPES,
  TRANSFORM_TYPES,
  fieldsInUse,
  type ClaimTransformType,
  type TransformTypeInfo,
} from "./transform-types";
