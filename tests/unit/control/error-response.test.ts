import { Writable } from "node:stream";
import pino, { type Logger } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { conflict, invalid, notFound, preconditionFailed, forbidden } from "@/lib/control/errors";
import { errorResponse } from "@/lib/control-api/control-route";

// the process logger (on globalThis) writes to memory here, so the logged line can be read back
const g = globalThis as unknown as { __fennecLogger?: Logger };
afterEach(() => {
  g.__fennecLogger = undefined;
});

describe("errorResponse", () => {
  it("maps each domain error kind to its status as problem+json", async () => {
    const cases: [Error, number][] = [
      [notFound("x"), 404],
      [conflict("x"), 409],
      [preconditionFailed("x"), 412],
      [forbidden(), 403],
      [invalid([{ field: "client.resource_scopes.0.resource", message: "Resource 'a' not found." }]), 422],
    ];
    for (const [e, status] of cases) {
      const r = errorResponse(e, "/api/control/t");
      expect(r.status).toBe(status);
      expect(r.headers.get("content-type")).toBe("application/problem+json");
      const body = await r.json();
      expect(body).toMatchObject({ status, instance: "/api/control/t", detail: e.message });
      if (status === 422) {
        expect(body.errors).toEqual([
          { field: "client.resource_scopes.0.resource", pointer: "#/client/resource_scopes/0/resource", detail: "Resource 'a' not found." },
        ]);
      }
    }
  });

  it("answers an unexpected error with a correlation id only, and logs no arguments after the first line", async () => {
    let logged = "";
    g.__fennecLogger = pino({ base: undefined }, new Writable({ write: (c, _e, done) => void ((logged += String(c)), done()) }));
    const e = new Error("Invalid `prisma.clientSecret.create()` invocation:\n{ data: { hash: '$argon2id$secret-hash' } }");
    const r = errorResponse(e, "/api/control/x");
    expect(r.status).toBe(500);
    const body = await r.json();
    expect(body.detail).toMatch(/^Something went wrong \(id [0-9a-f-]{36}\)\.$/);
    expect(JSON.stringify(body)).not.toMatch(/prisma|argon2|at /);
    await new Promise((r) => setImmediate(r));
    expect(JSON.parse(logged)).toMatchObject({ level: 50, event: "unexpected_error", error_id: body.correlation_id, path: "/api/control/x" });
    expect(logged).toContain(body.correlation_id);
    expect(logged).toContain("prisma.clientSecret.create()");
    expect(logged).not.toContain("argon2id");
  });
});
