import { RE2JS } from "re2js";

export type CompiledRegex = { ok: true; regex: RE2JS } | { ok: false; message: string };

const cache = new Map<string, CompiledRegex>();
const CACHE_LIMIT = 1000;

/**
 * Compiles an administrator's pattern with RE2 semantics, case-insensitive as FoxIDs' .NET regexes are.
 * RE2 matches in linear time, so no pattern can stall the token route; the price is that lookaround
 * and backreferences are refused at save time.
 */
export function compileRegex(pattern: string): CompiledRegex {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let result: CompiledRegex;
  try {
    result = { ok: true, regex: RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE) };
  } catch (e) {
    result = { ok: false, message: describeRegexError(e) };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, result);
  return result;
}

function describeRegexError(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const detail = raw.replace(/^error parsing regexp:\s*/, "");
  if (/`\(\?<?[=!]|invalid named capture: `\(\?<[=!]|invalid escape sequence: `\\(?:[1-9]|k)/.test(detail)) {
    return `Unsupported regular expression (${detail}): lookaround and backreferences are not available, because patterns run in linear time.`;
  }
  if (detail.includes("`(?'")) return "Invalid regular expression: write a named group as (?<name>…), not (?'name'…).";
  return `Invalid regular expression: ${detail}.`;
}

/** True when the pattern matches anywhere in the value, like .NET's Regex.Match(value).Success. */
export function regexFinds(regex: RE2JS, value: string): boolean {
  return regex.matcher(value).find();
}

/** The named group `map` of the first match, "" when it did not take part, null when there is no match. */
export function regexMapGroup(regex: RE2JS, value: string): string | null {
  const m = regex.matcher(value);
  if (!m.find()) return null;
  return m.group("map") ?? "";
}

export function hasMapGroup(regex: RE2JS): boolean {
  return Object.prototype.hasOwnProperty.call(regex.matcher("").namedGroups, "map");
}
