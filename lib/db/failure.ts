// Which unexpected errors mean "the database is not there right now" (an outage: 503) or "the database
// has no room" (disk full: 507), as opposed to a bug (500). Read from the error, its `cause` chain and the
// codes the drivers use: Node's socket errors, PostgreSQL SQLSTATE classes 08 (connection), 57P (shut
// down) and 53 (insufficient resources; 53100 is disk full), Prisma's P1xxx connection codes and P2024 (pool timeout), pg's
// own timeout messages, and PGlite's errno from a failed file write.

export type DbFailure = "unavailable" | "storage-full";

const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTCONN", "P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_MESSAGE = /connection terminated|connection timeout|query read timeout|timeout exceeded when trying to connect|connection (?:is )?closed|can't reach database|server closed the connection|econnrefused|econnreset|database (?:system )?is (?:starting up|shutting down)|cannot connect now|terminating connection/i;
const FULL_MESSAGE = /no space left on device|enospc|disk full|could not extend file|insufficient disk|quota exceeded|edquot/i;

export function dbFailureOf(e: unknown): DbFailure | null {
  let found: DbFailure | null = null;
  const seen = new Set<unknown>();
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && !seen.has(cur) && depth < 8; depth++) {
    seen.add(cur);
    const o = cur as { code?: unknown; errno?: unknown; message?: unknown; cause?: unknown; originalCode?: unknown; originalMessage?: unknown; kind?: unknown };
    const codes = [o.code, o.originalCode].filter((c): c is string => typeof c === "string");
    const text = [o.message, o.originalMessage, o.kind].filter((m): m is string => typeof m === "string").join(" ").slice(0, 2000);
    if (codes.some((c) => c === "ENOSPC" || c === "EDQUOT" || c === "53100") || o.errno === 28 || FULL_MESSAGE.test(text)) return "storage-full";
    if (codes.some((c) => UNAVAILABLE_CODES.has(c) || c.startsWith("08") || c.startsWith("57P") || c.startsWith("53")) || UNAVAILABLE_MESSAGE.test(text)) found = "unavailable";
    cur = o.cause;
  }
  return found;
}
