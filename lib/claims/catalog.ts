/** The actions a transform may take, in FoxIDs' JSON spelling; which ones a type offers is in transform-types.ts. */
export const CLAIM_TRANSFORM_ACTIONS = ["add", "replace", "add_if_not", "replace_if_not", "add_if_not_out", "remove"] as const;
export type ClaimTransformAction = (typeof CLAIM_TRANSFORM_ACTIONS)[number];

/**
 * Claims that carry the token's meaning (RFC 9068 §2.2): the token route sets them itself after the
 * transforms, so a transform may read them but never create, replace or remove them. `sub` is one of
 * them because for client credentials it names the client: a transform that could set it could make
 * a client's token pass for a user's (RFC 9700 §4.15).
 */
export const PROTECTED_CLAIMS = ["iss", "sub", "aud", "exp", "nbf", "iat", "jti", "client_id", "scope"] as const;

export function isProtectedClaim(type: string): boolean {
  const lower = type.toLowerCase();
  return (PROTECTED_CLAIMS as readonly string[]).includes(lower);
}

// An `add` into one of these runs as `replace`, as in FoxIDs: they must hold a single value.
const SINGLE_VALUE_CLAIMS = ["sub", "sid", "auth_time", "acr", "amr", "exp", "nbf", "iat", "nonce", "azp", "at_hash", "c_hash"];

export function isForcedReplaceClaim(type: string): boolean {
  return SINGLE_VALUE_CLAIMS.includes(type.toLowerCase());
}

/** Claim types starting with this prefix are variables: they are dropped after the transforms ran. */
export const LOCAL_CLAIM_PREFIX = "_local:";

export const ACTION_LABELS: Record<ClaimTransformAction, string> = {
  add: "Add claim",
  replace: "Replace claim",
  add_if_not: "Add claim, if not matched",
  replace_if_not: "Replace claim, if not matched",
  add_if_not_out: "Add claim, if the output claim does not exist",
  remove: "Remove claim",
};
