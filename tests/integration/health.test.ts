import { describe, expect, it } from "vitest";
import { sharedServer } from "../support/fennec";

describe("health", () => {
  it("answers /healthz and /readyz with JSON", async () => {
    const { url } = sharedServer();
    const live = await fetch(`${url}/healthz`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    const body = await ready.json();
    expect(body).toMatchObject({ status: "ok", database: "up" });
    expect(body.migrations.applied).toBeGreaterThanOrEqual(1);
  });
});
