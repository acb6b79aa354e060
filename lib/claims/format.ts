/**
 * .NET composite formatting (`string.Format`), which FoxIDs' concatenate transform uses:
 * `{index[,alignment][:format]}`, with `{{` and `}}` for literal braces. The values are strings,
 * so a format specifier has no effect, as in .NET.
 */
export type FormatPart = string | { index: number; alignment: number };
export type ParsedFormat = { ok: true; parts: FormatPart[]; maxIndex: number } | { ok: false; message: string };

const MAX_ALIGNMENT = 1000;
const PLACEHOLDER = /^\{\s*(\d{1,3})\s*(?:,\s*(-?\d{1,7})\s*)?(?::([^{}]*))?\}/;

export function parseFormat(format: string): ParsedFormat {
  const parts: FormatPart[] = [];
  let literal = "";
  let maxIndex = -1;
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c === "{" && format[i + 1] === "{") {
      literal += "{";
      i += 2;
    } else if (c === "}" && format[i + 1] === "}") {
      literal += "}";
      i += 2;
    } else if (c === "}") {
      return { ok: false, message: `Unexpected '}' at position ${i + 1}: write '}}' for a literal brace.` };
    } else if (c === "{") {
      const m = PLACEHOLDER.exec(format.slice(i));
      if (!m) {
        return {
          ok: false,
          message: `Invalid placeholder at position ${i + 1}: use {0}, {1}, … (or '{{' for a literal brace).`,
        };
      }
      const alignment = m[2] ? Number(m[2]) : 0;
      if (Math.abs(alignment) > MAX_ALIGNMENT) {
        return { ok: false, message: `Alignment ${alignment} is too wide (at most ${MAX_ALIGNMENT}).` };
      }
      if (literal) parts.push(literal);
      literal = "";
      const index = Number(m[1]);
      parts.push({ index, alignment });
      maxIndex = Math.max(maxIndex, index);
      i += m[0].length;
    } else {
      literal += c;
      i += 1;
    }
  }
  if (literal) parts.push(literal);
  return { ok: true, parts, maxIndex };
}

/** Fills parsed parts; a missing value is "" (never throws). */
export function fillFormat(parts: FormatPart[], values: string[]): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") {
      out += part;
      continue;
    }
    const value = values[part.index] ?? "";
    const width = Math.abs(part.alignment);
    out += part.alignment < 0 ? value.padEnd(width) : value.padStart(width);
  }
  return out;
}
