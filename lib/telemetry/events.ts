import { describeError } from "@/lib/errors/describe-error";
import { logger } from "./logger";
import { currentRequestId } from "./request-context";

type Level = "info" | "warn" | "error";
type Fields = Record<string, string | number | boolean | undefined>;

const MAX_FIELD = 2048;

/**
 * A notable event as one log line beside the request lines (README "Operations → Logs"): `event` names
 * it, `msg` says it in words, and the request id is added when the event happens inside a request.
 * String fields are cut to 2,048 characters: a caller may have chosen part of them.
 */
export function logEvent(level: Level, event: string, message: string, fields: Fields = {}) {
  const log = logger();
  if (!log.isLevelEnabled(level)) return;
  const line: Record<string, string | number | boolean> = { event };
  const requestId = currentRequestId();
  if (requestId) line.request_id = requestId;
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) line[k] = typeof v === "string" && v.length > MAX_FIELD ? `${v.slice(0, MAX_FIELD)}…` : v;
  }
  log[level](line, message.length > MAX_FIELD * 2 ? `${message.slice(0, MAX_FIELD * 2)}…` : message);
}

/** An unexpected failure: its first line in the message and `reason`, its stack frames in `frames`. */
export function logFailure(event: string, message: string, e: unknown, fields: Fields = {}) {
  const [reason, ...frames] = describeError(e).split("\n");
  logEvent("error", event, `${message}: ${reason}`, { ...fields, reason, frames: frames.length ? frames.map((f) => f.trim()).join("\n") : undefined });
}
