import { invalid } from "./errors";

export type Page<T> = { data: T[]; next_cursor: string | null };

export function encodeCursor(value: string): string {
  return Buffer.from(value, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  const v = Buffer.from(cursor, "base64url").toString("utf8");
  if (!v || encodeCursor(v) !== cursor) throw invalid([{ field: "cursor", message: "cursor is not valid." }]);
  return v;
}

/** Rows fetched with take = pageSize + 1: the extra row only says there is a next page. */
export function toPage<R, T>(rows: R[], pageSize: number, view: (r: R) => T, key: (r: R) => string): Page<T> {
  const more = rows.length > pageSize;
  const shown = more ? rows.slice(0, pageSize) : rows;
  return { data: shown.map(view), next_cursor: more ? encodeCursor(key(shown[shown.length - 1])) : null };
}
