import { describe, expect, it } from "vitest";
import { usageQuerySchema } from "@/lib/validation";
import { accepted, refusals } from "./refusals";

describe("usage query", () => {
  it("reads a window, a granularity and a client, each optional", () => {
    expect(accepted(usageQuerySchema, {})).toStrictEqual({});
    const q = { from: "2026-11-29T10:00:00Z", to: "2026-11-29T12:00:00+01:00", granularity: "minute", client: " Web-App " };
    expect(accepted(usageQuerySchema, q)).toEqual({ ...q, client: "web-app" });
    expect(accepted(usageQuerySchema, { granularity: "hour" })).toEqual({ granularity: "hour" });
    expect(accepted(usageQuerySchema, { granularity: "day" })).toEqual({ granularity: "day" });
  });

  it("refuses what it cannot read, with a message per field", () => {
    const instant = "must be an ISO 8601 date-time such as 2026-11-29T10:00:00Z";
    expect(refusals(usageQuerySchema, { from: "yesterday", to: "2026-11-29", granularity: "week", client: "a b" })).toEqual({
      from: [instant],
      to: [instant],
      granularity: ["must be minute, hour or day"],
      client: ["must be a client name"],
    });
    expect(refusals(usageQuerySchema, { client: "a".repeat(51) })).toEqual({ client: ["must be a client name"] });
  });
});
