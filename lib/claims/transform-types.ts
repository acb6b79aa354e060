import type { ClaimTransformAction } from "./catalog";

/** The transform types Fennec runs, in FoxIDs' JSON spelling (README "Claim transforms"). */
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

/** What the `transformation` field means for a type; the editor's label and the rules' message come from here. */
export type TransformationField = {
  label: string;
  /** the label when the action is remove and the field still applies */
  removeLabel?: string;
  /** the message when it is missing */
  required: string;
  hint?: string;
  /** regex: a pattern (RE2); regex_map: a pattern with a (?<map>…) group; format: a .NET format string */
  syntax?: "regex" | "regex_map" | "format";
  /** whether it still applies when the action is remove (a value test does; a new value does not) */
  onRemove: boolean;
};

export type TransformTypeInfo = {
  label: string;
  help: string;
  /** FoxIDs' enum member name and number, accepted on input besides the JSON spelling */
  foxids: { name: string; number: number };
  actions: readonly ClaimTransformAction[];
  /** how many input claims it reads */
  claimsIn: "none" | "one" | "many";
  transformation: TransformationField | null;
  /** whether `transformation_extension` holds the new claim's value */
  extension: boolean;
};

const MATCH_ACTIONS = ["add", "replace", "add_if_not", "replace_if_not", "remove"] as const;
const MAP_ACTIONS = ["add", "replace", "add_if_not_out"] as const;
const CREATE_ACTIONS = ["add", "replace"] as const;

/**
 * The one table of transform types: the schema (accepted spellings, which fields apply), the rules
 * (actions, required fields), the engine (which fields it reads) and the editor (labels, help, which
 * inputs to show) all read it. A new type is a row here and a runner in apply.ts.
 */
export const TRANSFORM_TYPES: Record<ClaimTransformType, TransformTypeInfo> = {
  constant: {
    label: "Constant",
    help: "Always creates the output claim with a fixed value.",
    foxids: { name: "Constant", number: 10 },
    actions: CREATE_ACTIONS,
    claimsIn: "none",
    transformation: { label: "Value", required: "Enter the value of the constant claim.", onRemove: false },
    extension: false,
  },
  match_claim: {
    label: "Match claim",
    help: "For each input claim present, creates the output claim with a fixed value.",
    foxids: { name: "MatchClaim", number: 17 },
    actions: MATCH_ACTIONS,
    claimsIn: "one",
    transformation: { label: "New value", required: "Enter the value of the new claim.", onRemove: false },
    extension: false,
  },
  match: {
    label: "Match claim and value",
    help: "For each input claim whose value equals the match value, creates the output claim with a new value.",
    foxids: { name: "Match", number: 20 },
    actions: MATCH_ACTIONS,
    claimsIn: "one",
    transformation: { label: "Value to match", removeLabel: "Value to remove", required: "Enter the value to match.", onRemove: true },
    extension: true,
  },
  reg_ex_match: {
    label: "Regex match",
    help: "For each input claim whose value matches the regex (case-insensitive), creates the output claim with a new value.",
    foxids: { name: "RegexMatch", number: 25 },
    actions: MATCH_ACTIONS,
    claimsIn: "one",
    transformation: {
      label: "Regular expression",
      required: "Enter the regular expression to match.",
      hint: "Case-insensitive, matches anywhere in the value. RE2 syntax: no lookaround or backreferences.",
      syntax: "regex",
      onRemove: true,
    },
    extension: true,
  },
  map: {
    label: "Map",
    help: "Copies each value of the input claim into the output claim.",
    foxids: { name: "Map", number: 30 },
    actions: MAP_ACTIONS,
    claimsIn: "one",
    transformation: null,
    extension: false,
  },
  reg_ex_map: {
    label: "Regex map",
    help: "For each input claim whose value matches the regex, creates the output claim from its named group (?<map>…).",
    foxids: { name: "RegexMap", number: 35 },
    actions: MAP_ACTIONS,
    claimsIn: "one",
    transformation: {
      label: "Regular expression",
      required: "Enter a regular expression with a named group (?<map>…), e.g. ^(?<map>[^@]+)@.",
      hint: "Needs a named group, e.g. ^(?<map>[^@]+)@ takes what comes before the @.",
      syntax: "regex_map",
      onRemove: true,
    },
    extension: false,
  },
  concatenate: {
    label: "Concatenate",
    help: "Fills a format string like \"{0} ({1})\" with the first value of each input claim, if any of them is present.",
    foxids: { name: "Concatenate", number: 40 },
    actions: CREATE_ACTIONS,
    claimsIn: "many",
    transformation: {
      label: "Format string",
      required: "Enter a format string such as {0} ({1}).",
      hint: "{0} is the first value of the first input claim, {1} of the second; {{ and }} are literal braces.",
      syntax: "format",
      onRemove: true,
    },
    extension: false,
  },
};

/** Which of a transform's fields apply for its type and action: the rules, the engine's canonical form and the editor agree. */
export function fieldsInUse(type: ClaimTransformType, action: ClaimTransformAction | null) {
  const info = TRANSFORM_TYPES[type];
  const removing = action === "remove";
  return {
    claimsIn: info.claimsIn !== "none" && !removing,
    manyIn: info.claimsIn === "many",
    transformation: info.transformation !== null && (!removing || info.transformation.onRemove),
    extension: info.extension && !removing,
  };
}
