import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { logEvent, logFailure } from "@/lib/telemetry/events";
import { withRequestId } from "@/lib/telemetry/request-context";

// The process logger (lib/telemetry/logger.ts) is one pino instance on globalThis: here it writes to
// an in-memory stream, with the same level rules, so each event line can be read back as JSON.
const g = globalThis as unknown as { __fennecLogger?: Logger };
let lines: Record<string, unknown>[];

beforeEach(() => {
  lines = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  g.__fennecLogger = pino({ level: "info", base: undefined }, sink);
});
afterEach(() => {
  g.__fennecLogger = undefined;
});

describe("log events", () => {
  it("are one JSON line with the event name, the words, the fields and the request id inside a request", async () => {
    logEvent("info", "listening", "Fennec: listening on port 3000", { port: 3000 });
    withRequestId("req-42", () => logEvent("warn", "something", "inside a request"));
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatchObject({ level: 30, event: "listening", msg: "Fennec: listening on port 3000", port: 3000 });
    expect(lines[0]).not.toHaveProperty("request_id");
    expect(lines[1]).toMatchObject({ level: 40, event: "something", request_id: "req-42" });
  });

  it("cut long fields and messages, and leave out undefined fields", async () => {
    logEvent("info", "long", "m".repeat(5000), { path: "p".repeat(3000), missing: undefined });
    await new Promise((r) => setImmediate(r));
    expect(lines[0].path).toBe(`${"p".repeat(2048)}…`);
    expect(lines[0].msg).toBe(`${"m".repeat(4096)}…`);
    expect(lines[0]).not.toHaveProperty("missing");
  });

  it("below the level are not written", async () => {
    g.__fennecLogger!.level = "warn";
    logEvent("info", "quiet", "not written");
    logEvent("error", "loud", "written");
    await new Promise((r) => setImmediate(r));
    expect(lines.map((l) => l.event)).toEqual(["loud"]);
  });

  it("a failure keeps its first line and frames, never what a database error put after the first line", async () => {
    const e = new Error("Invalid `prisma.clientSecret.create()` invocation:\n{ data: { hash: \"$argon2id$v=19$m=19456\" } }");
    logFailure("unexpected_error", "control api error id-1", e, { error_id: "id-1" });
    await new Promise((r) => setImmediate(r));
    expect(lines[0]).toMatchObject({ level: 50, event: "unexpected_error", error_id: "id-1", reason: "Error: Invalid `prisma.clientSecret.create()` invocation:" });
    expect(lines[0].msg).toBe("control api error id-1: Error: Invalid `prisma.clientSecret.create()` invocation:");
    expect(String(lines[0].frames)).toMatch(/^at /);
    expect(JSON.stringify(lines[0])).not.toContain("argon2id");
  });
});
