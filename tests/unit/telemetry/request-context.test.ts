import { describe, expect, it } from "vitest";
import { noteRequest, takeRequestNote } from "@/lib/telemetry/request-context";

describe("request notes", () => {
  it("keep what a handler noted under a well-formed id, once", () => {
    noteRequest("req-1", { tenant: "acme" });
    noteRequest("req-1", { client: "svc" });
    expect(takeRequestNote("req-1")).toEqual({ tenant: "acme", client: "svc" });
    expect(takeRequestNote("req-1")).toBeUndefined();
  });

  it("never keep a key outside the id grammar (a caller-chosen header under plain next start)", () => {
    const long = "x".repeat(129);
    noteRequest(long, { tenant: "acme" });
    expect(takeRequestNote(long)).toBeUndefined();
    noteRequest("has space", { tenant: "acme" });
    expect(takeRequestNote("has space")).toBeUndefined();
  });
});
