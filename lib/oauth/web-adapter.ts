import "server-only";
import { readStreamCapped } from "./read-stream-capped";
import type { ProtocolRequest, ProtocolResponse } from "./protocol";

/** A Web Request (Next.js route handlers, the UI's "Try it") as the core's plain request. */
export function webProtocolRequest(request: Request): ProtocolRequest {
  const q = request.url.indexOf("?");
  return {
    method: request.method,
    query: q < 0 ? null : request.url.slice(q + 1),
    headers: request.headers,
    readBody: (max) => readStreamCapped(request.body, max),
  };
}

export function toWebResponse(r: ProtocolResponse): Response {
  return new Response(r.body, { status: r.status, headers: r.headers });
}
