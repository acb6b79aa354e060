import { invalid } from "./errors";

export type Page<T> = { data: T[]; next_cursor: string | null };

// What a cursor may decode to: a name (tenants, tracks, parties are listed by name), or the time and id
// of an audit event. Anything else is refused before it reaches a query.
const NAME_CURSOR = /^[\w-]{1,50}$/;
const TIME_ID_CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

const badCursor = () =>
  invalid([{ field: "cursor", message: "cursor is not valid: pass the next_cursor of the previous page as it is." }]);

export function encodeCursor(value: string): string {
  return Buffer.from(value, "utf8").toString("base64url");
}

function decode(cursor: string, grammar: RegExp): string {
  const v = Buffer.from(cursor, "base64url").toString("utf8");
  if (encodeCursor(v) !== cursor || !grammar.test(v)) throw badCursor();
  return v;
}

/** The name a list cursor points after. */
export function decodeCursor(cursor: string | undefined): string | undefined {
  return cursor ? decode(cursor, NAME_CURSOR) : undefined;
}

export const encodeTimeIdCursor = (at: Date, id: string) => encodeCursor(`${at.toISOString()}|${id}`);

/** The (time, id) an audit cursor points after. */
export function decodeTimeIdCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [, at, id] = TIME_ID_CURSOR.exec(decode(cursor, TIME_ID_CURSOR))!;
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) throw badCursor();
  return { at: d, id };
}

/** Rows fetched with take = pageSize + 1: the extra row only says there is a next page. */
export function toPage<R, T>(rows: R[], pageSize: number, view: (r: R) => T, key: (r: R) => string): Page<T> {
  const more = rows.length > pageSize;
  const shown = more ? rows.slice(0, pageSize) : rows;
  return { data: shown.map(view), next_cursor: more ? encodeCursor(key(shown[shown.length - 1])) : null };
}
