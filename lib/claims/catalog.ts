/** The transform types and actions Fennec runs, in FoxIDs' JSON spelling (foxids.md §4.2, §4.3). */
export const CLAIM_TRANSFORM_TYPES = [
  "constant",
  "match_claim",
  "match",
  "reg_ex_match",
  "map",
  "reg_ex_map",
  "concatenate",
] as const;
export type ClaimTransformType = (typeof CLAIM_TRANSFORM_TYPES)[number];

export const CLAIM_TRANSFORM_ACTIONS = ["add", "replace", "add_if_not", "replace_if_not", "add_if_not_out", "remove"] as const;
export type ClaimTransformAction = (typeof CLAIM_TRANSFORM_ACTIONS)[number];

const MATCH_ACTIONS = ["add", "replace", "add_if_not", "replace_if_not", "remove"] as const;
const MAP_ACTIONS = ["add", "replace", "add_if_not_out"] as const;
const CREATE_ACTIONS = ["add", "replace"] as const;

/** Which actions each type offers, as FoxIDs Control offers them. */
export const ACTIONS_BY_TYPE: Record<ClaimTransformType, readonly ClaimTransformAction[]> = {
  constant: CREATE_ACTIONS,
  match_claim: MATCH_ACTIONS,
  match: MATCH_ACTIONS,
  reg_ex_match: MATCH_ACTIONS,
  map: MAP_ACTIONS,
  reg_ex_map: MAP_ACTIONS,
  concatenate: CREATE_ACTIONS,
};

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

// FoxIDs runs an `add` into one of these as `replace`: they must hold a single value (foxids.md §4.3).
const SINGLE_VALUE_CLAIMS = ["sub", "sid", "auth_time", "acr", "amr", "exp", "nbf", "iat", "nonce", "azp", "at_hash", "c_hash"];

export function isForcedReplaceClaim(type: string): boolean {
  return SINGLE_VALUE_CLAIMS.includes(type.toLowerCase());
}

/** Claim types starting with this prefix are variables: they are dropped after the transforms ran. */
export const LOCAL_CLAIM_PREFIX = "_local:";

export const TYPE_LABELS: Record<ClaimTransformType, string> = {
  constant: "Constant",
  match_claim: "Match claim",
  match: "Match claim and value",
  reg_ex_match: "Regex match",
  map: "Map",
  reg_ex_map: "Regex map",
  concatenate: "Concatenate",
};

export const TYPE_HELP: Record<ClaimTransformType, string> = {
  constant: "Always creates the output claim with a fixed value.",
  match_claim: "For each input claim present, creates the output claim with a fixed value.",
  match: "For each input claim whose value equals the match value, creates the output claim with a new value.",
  reg_ex_match: "For each input claim whose value matches the regex (case-insensitive), creates the output claim with a new value.",
  map: "Copies each value of the input claim into the output claim.",
  reg_ex_map: "For each input claim whose value matches the regex, creates the output claim from its named group (?<map>…).",
  concatenate: "Fills a format string like \"{0} ({1})\" with the first value of each input claim, if any of them is present.",
};

export const ACTION_LABELS: Record<ClaimTransformAction, string> = {
  add: "Add claim",
  replace: "Replace claim",
  add_if_not: "Add claim, if not matched",
  replace_if_not: "Replace claim, if not matched",
  add_if_not_out: "Add claim, if the output claim does not exist",
  remove: "Remove claim",
};
