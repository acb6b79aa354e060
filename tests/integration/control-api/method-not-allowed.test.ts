import { describe, expect, it } from "vitest";
import { sharedServer } from "../../support/fennec";

describe("Control API: a method a path does not offer", () => {
  it.each([
    ["PATCH", "/api/control/tenants", "GET, POST"],
    ["PUT", "/api/control/master/audit", "GET"],
    ["GET", "/api/control/master/master/signing-keys/rotate", "POST"],
    ["POST", "/api/control/openapi.json", "GET"],
  ])("%s %s is a 405 problem with Allow: %s", async (method, path, allow) => {
    const r = await fetch(`${sharedServer().url}${path}`, { method });
    expect(r.status).toBe(405);
    expect(r.headers.get("content-type")).toBe("application/problem+json");
    expect(r.headers.get("allow")).toBe(allow);
    expect(await r.json()).toMatchObject({ status: 405, title: "Method not allowed", instance: path });
  });
});
