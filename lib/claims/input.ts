import type { ClaimTransformAction } from "./catalog";
import { CLAIM_TRANSFORM_TYPES, TRANSFORM_TYPES, type ClaimTransformType } from "./transform-types";

/** A transform read from JSON into canonical field names, before the rules are checked (null: refused). */
export type ClaimTransformDraft = {
  type: ClaimTransformType | null;
  action: ClaimTransformAction | null;
  order: number;
  claims_in: string[];
  claims_out: string[];
  transformation: string | null;
  transformation_extension: string | null;
  name?: string;
};

type Normalized<T> = { ok: true; value: T } | { ok: false; message: string };
export type Issue = { path: (string | number)[]; message: string };

const key = (v: string) => v.toLowerCase().replace(/[\s_-]/g, "");

// FoxIDs serialises enums by EnumMember value ("reg_ex_map", "Concatenate") and also reads the
// member names ("RegexMap") and the numbers, so an exported configuration may hold any of them.
// Maps, not object literals: a spelling such as "constructor" must not find Object.prototype's.
const TYPES = new Map<string, ClaimTransformType>(
  CLAIM_TRANSFORM_TYPES.flatMap((type) => {
    const { foxids } = TRANSFORM_TYPES[type];
    return [key(type), key(foxids.name), String(foxids.number)].map((spelling) => [spelling, type] as const);
  }),
);

const UNSUPPORTED_TYPES = new Map<string, string>(Object.entries({
  externalclaims: "The external_claims type is not supported: Fennec does not call external APIs while issuing a token.",
  dkprivilege: "The dk_privilege type is not supported: it reads Danish SAML privileges, which client credentials never carry.",
  "1010": "The dk_privilege type is not supported: it reads Danish SAML privileges, which client credentials never carry.",
}));

const ACTIONS = new Map<string, ClaimTransformAction>(Object.entries({
  add: "add", "10": "add",
  addifnot: "add_if_not", "12": "add_if_not", addifmot: "add_if_not", "13": "add_if_not",
  addifnotout: "add_if_not_out", "15": "add_if_not_out",
  replace: "replace", "20": "replace",
  replaceifnot: "replace_if_not", "22": "replace_if_not", replaceifmot: "replace_if_not", "23": "replace_if_not",
  remove: "remove", "30": "remove",
} satisfies Record<string, ClaimTransformAction>));

function normalizeType(raw: unknown): Normalized<ClaimTransformType> {
  if (typeof raw !== "string" && typeof raw !== "number") {
    return { ok: false, message: `Choose a type: ${CLAIM_TRANSFORM_TYPES.join(", ")}.` };
  }
  const k = key(String(raw));
  const type = TYPES.get(k);
  if (type) return { ok: true, value: type };
  const unsupported = UNSUPPORTED_TYPES.get(k);
  if (unsupported) return { ok: false, message: unsupported };
  return { ok: false, message: `Unknown claim transform type '${raw}': use ${CLAIM_TRANSFORM_TYPES.join(", ")}.` };
}

function normalizeAction(raw: unknown): Normalized<ClaimTransformAction> {
  if (raw === undefined || raw === null || raw === "") return { ok: true, value: "add" };
  if (typeof raw !== "string" && typeof raw !== "number") return { ok: false, message: "Action must be a string." };
  const k = key(String(raw));
  const action = ACTIONS.get(k);
  if (action) return { ok: true, value: action };
  if (k === "if" || k === "ifnot" || k === "4" || k === "6") {
    return { ok: false, message: "The actions if and if_not belong to claim tasks, which Fennec does not run." };
  }
  return {
    ok: false,
    message: `Unknown action '${raw}': use add, replace, add_if_not, replace_if_not, add_if_not_out or remove.`,
  };
}

// FoxIDs fields that only tasks and the external claims API use: refused rather than silently ignored.
const UNSUPPORTED_FIELDS: Record<string, string> = {
  task: "Claim tasks are not supported: they need a login or a user store, and client credentials have neither.",
  api_url: "The external claims API is not supported.",
  external_connect_type: "The external claims API is not supported.",
  secret: "The external claims API is not supported.",
};

function readString(v: unknown, field: string, issues: Issue[]): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  issues.push({ path: [field], message: "Must be text." });
  return null;
}

function readClaimList(v: unknown, field: string, issues: Issue[]): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === "string") return v.trim() ? [v.trim()] : [];
  if (!Array.isArray(v)) {
    issues.push({ path: [field], message: "Must be a list of claim types." });
    return [];
  }
  return v.map((item, i) => {
    if (typeof item === "string") return item.trim();
    issues.push({ path: [field, i], message: "A claim type must be text." });
    return "";
  });
}

function readOrder(v: unknown, fallback: number, issues: Issue[]): number {
  if (v === undefined || v === null || v === "") return fallback;
  const n = typeof v === "string" ? Number(v) : v;
  if (typeof n === "number" && Number.isFinite(n)) return n;
  issues.push({ path: ["order"], message: "Order must be a whole number from 0 to 1000." });
  return fallback;
}

/** Reads one transform from JSON, mapping FoxIDs' legacy `claim_out` into `claims_out`. */
export function readClaimTransformInput(input: unknown, defaultOrder: number): { draft?: ClaimTransformDraft; issues: Issue[] } {
  const issues: Issue[] = [];
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return { issues: [{ path: [], message: "A claim transform must be an object." }] };
  }
  const o = input as Record<string, unknown>;
  for (const [field, message] of Object.entries(UNSUPPORTED_FIELDS)) {
    if (o[field] !== undefined && o[field] !== null && o[field] !== "") issues.push({ path: [field], message });
  }
  let claimsOut = readClaimList(o.claims_out, "claims_out", issues);
  if (claimsOut.length === 0) claimsOut = readClaimList(o.claim_out, "claim_out", issues);
  const name = readString(o.name, "name", issues)?.trim();
  const type = normalizeType(o.type);
  if (!type.ok) issues.push({ path: ["type"], message: type.message });
  const action = normalizeAction(o.action);
  if (!action.ok) issues.push({ path: ["action"], message: action.message });
  const draft: ClaimTransformDraft = {
    type: type.ok ? type.value : null,
    action: action.ok ? action.value : null,
    order: readOrder(o.order, defaultOrder, issues),
    claims_in: readClaimList(o.claims_in, "claims_in", issues),
    claims_out: claimsOut,
    transformation: readString(o.transformation, "transformation", issues),
    transformation_extension: readString(o.transformation_extension, "transformation_extension", issues),
    ...(name ? { name } : {}),
  };
  return { draft, issues };
}
