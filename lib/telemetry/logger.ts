import pino, { type Logger } from "pino";
import pretty from "pino-pretty";
import { getConfig } from "@/lib/config";

// One logger per process (on globalThis, for both module graphs): JSON lines on stdout, or pino-pretty
// for a terminal (FENNEC_LOG_FORMAT). Callers pass only chosen fields, never a request's body or
// headers; the redact list is a second guard for field names that must never be written.
const REDACT = [
  "password",
  "secret",
  "client_secret",
  "client_assertion",
  "assertion",
  "token",
  "access_token",
  "authorization",
  "hash",
  "key",
  "privateKey",
];

const g = globalThis as unknown as { __fennecLogger?: Logger };

export function logger(): Logger {
  if (!g.__fennecLogger) {
    const { level, format } = getConfig().log;
    const options = { level, base: undefined, redact: { paths: REDACT, censor: "[redacted]" }, timestamp: pino.stdTimeFunctions.isoTime };
    g.__fennecLogger =
      format === "pretty" ? pino(options, pretty({ colorize: process.stdout.isTTY, sync: true })) : pino(options, pino.destination({ dest: 1, sync: true }));
  }
  return g.__fennecLogger;
}
