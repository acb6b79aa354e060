import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeProtocolRequest, sendProtocolResponse } from "@/lib/server/node-protocol";

// The fast mount's request adapter on a real node:http server: the body cap counts bytes as they
// arrive, whatever Content-Length says, and the answer still reaches the client.
const MAX = 1024;
let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer(async (req, res) => {
    const q = req.url!.indexOf("?");
    const p = new NodeProtocolRequest(req, req.method!, q < 0 ? null : req.url!.slice(q + 1));
    const body = await p.readBody(MAX);
    const echo = { query: p.query, type: p.headers.get("content-type"), missing: p.headers.get("x-missing"), size: body?.length ?? null };
    sendProtocolResponse(res, { status: body ? 200 : 400, headers: { "content-type": "application/json" }, body: JSON.stringify(echo) });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function send(chunks: string[], headers: Record<string, string>, path = "/t"): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method: "POST", path, headers }, (res) => {
      let d = "";
      res.on("data", (c) => (d += c));
      res.on("end", () => resolve({ status: res.statusCode!, json: JSON.parse(d) }));
    });
    req.on("error", reject);
    for (const c of chunks) req.write(c);
    req.end();
  });
}

describe("NodeProtocolRequest", () => {
  it("reads a body, the raw query and headers", async () => {
    const r = await send(["a=1&b=2"], { "content-type": "application/x-www-form-urlencoded", "content-length": "7" }, "/t?x=%41");
    expect(r).toEqual({ status: 200, json: { query: "x=%41", type: "application/x-www-form-urlencoded", missing: null, size: 7 } });
  });

  it("has no query when the target has no '?', and an empty body when none was sent", async () => {
    const r = await send([], { "content-length": "0" });
    expect(r.json).toMatchObject({ query: null, size: 0 });
  });

  it("stops at the cap on a chunked body without Content-Length, and the answer still arrives", async () => {
    const r = await send(Array.from({ length: 40 }, () => "x".repeat(100)), { "transfer-encoding": "chunked" });
    expect(r.status).toBe(400);
    expect(r.json.size).toBeNull();
  });

  it("accepts exactly the cap", async () => {
    const r = await send(["x".repeat(MAX)], { "transfer-encoding": "chunked" });
    expect(r.json.size).toBe(MAX);
  });
});
