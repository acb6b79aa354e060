export { applyClaimTransforms, type Claim } from "./apply";
export {
  ACTIONS_BY_TYPE,
  ACTION_LABELS,
  CLAIM_TRANSFORM_ACTIONS,
  CLAIM_TRANSFORM_TYPES,
  PROTECTED_CLAIMS,
  TYPE_HELP,
  TYPE_LABELS,
  isForcedReplaceClaim,
  isProtectedClaim,
  type ClaimTransformAction,
  type ClaimTransformType,
} from "./catalog";
export { claimsFromPayload, claimsToPayload } from "./payload";
export type { ClaimTransform } from "@/lib/validation/claim-transforms";
