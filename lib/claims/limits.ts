// What a client's claim transforms may make of a token. Unbounded, three `concatenate` transforms with a
// format of `{0}` × 100 built a 400 MB token in 10 s and stalled every tenant, and a `map` of a claim
// into itself doubles the claim count each time. The engine stops at the first transform that passes a
// limit; lists that would, on the client's largest token, are refused when they are saved.
export const MAX_CLAIM_VALUE_CHARS = 2048;
export const MAX_TOKEN_CLAIMS = 200;
/** the transformed claims as JSON; with the standard claims and the signature a token stays under ~12 KiB */
export const MAX_TRANSFORMED_CLAIMS_BYTES = 8 * 1024;

export class ClaimLimitError extends Error {}

export const limitMessages = {
  value: `A claim value would be longer than ${MAX_CLAIM_VALUE_CHARS} characters.`,
  count: `The token would hold more than ${MAX_TOKEN_CLAIMS} claims.`,
  bytes: `The claims would take more than ${MAX_TRANSFORMED_CLAIMS_BYTES / 1024} KiB.`,
};
