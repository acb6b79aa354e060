import type { Claim } from "./apply";

/** JWT payload → claims: an array becomes one claim per element; non-string scalars become their JSON text. */
export function claimsFromPayload(payload: Record<string, unknown>): Claim[] {
  const claims: Claim[] = [];
  for (const [type, raw] of Object.entries(payload)) {
    for (const v of Array.isArray(raw) ? raw : [raw]) {
      if (v === undefined || v === null) continue;
      claims.push({ type, value: typeof v === "string" ? v : JSON.stringify(v) });
    }
  }
  return claims;
}

/** Claims → JWT payload: one value gives a string, several give an array, in claim order. */
export function claimsToPayload(claims: readonly Claim[]): Record<string, string | string[]> {
  // a Map, then fromEntries, so that a claim named "__proto__" stays an ordinary property
  const byType = new Map<string, string[]>();
  for (const { type, value } of claims) {
    const values = byType.get(type);
    if (values) values.push(value);
    else byType.set(type, [value]);
  }
  return Object.fromEntries([...byType].map(([type, values]) => [type, values.length === 1 ? values[0] : values]));
}
