import { logger } from "./logger";
import type { RequestNote } from "./request-context";

export type RequestLine = RequestNote & { requestId: string; method: string; status: number; durationMs: number };

/** One JSON line per request (README "Operations"): only these fields, never a header, body or raw path. */
export function logRequest(line: RequestLine) {
  const log = logger();
  const level = line.status >= 500 ? "error" : "info";
  if (!log.isLevelEnabled(level)) return;
  log[level](
    {
      event: "request",
      request_id: line.requestId,
      method: line.method,
      route: line.route ?? "unmatched",
      status: line.status,
      duration_ms: Math.round(line.durationMs * 100) / 100,
      ...(line.tenant ? { tenant: line.tenant } : {}),
      ...(line.track ? { track: line.track } : {}),
      ...(line.client ? { client_id: line.client } : {}),
      ...(line.error ? { error: line.error } : {}),
    },
    "request",
  );
}
