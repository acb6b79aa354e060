// Secret values and key material never enter the audit trail: these field names are left out entirely
// (FoxIDs masks them in its audit diffs).
const SENSITIVE =
  /^(secret|client_secret|hash|hash_salt|password|password_hash|private_key|private_key_encrypted|key|jwk|x5c|certificate|certificate_pem|d|p|q|dp|dq|qi|k)$/i;

export type Changes = Record<string, { from?: unknown; to?: unknown }>;

/** Field-level changes between two view objects (nested objects flattened with dots), sensitive fields left out. */
export function diffFields(before: object | null, after: object | null): Changes {
  const a = flatten(before ?? {});
  const b = flatten(after ?? {});
  const out: Changes = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (isSensitive(key)) continue;
    if (JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    const entry: { from?: unknown; to?: unknown } = {};
    if (key in a) entry.from = a[key];
    if (key in b) entry.to = b[key];
    out[key] = entry;
  }
  return out;
}

/** Removes sensitive fields from a free-form details object. */
export function redact(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([k]) => !isSensitive(k)));
}

const IGNORED = new Set(["version", "created_at", "updated_at"]);

function isSensitive(path: string): boolean {
  return path.split(".").some((p) => SENSITIVE.test(p));
}

function flatten(obj: object, prefix = "", out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [k, v] of Object.entries(obj)) {
    if (!prefix && IGNORED.has(k)) continue;
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date)) flatten(v, key, out);
    else out[key] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}
