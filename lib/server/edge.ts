import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { PEER_ADDRESS_HEADER, peerIsTrustedProxy } from "@/lib/net/client-address";
import { rawPathAnswer, rawPathProblem } from "@/lib/net/raw-path";
import { protocolRouteTemplate } from "@/lib/oauth/match-protocol-path";
import { logRequest, REQUEST_ID_HEADER, requestIdFrom, takeRequestNote } from "@/lib/telemetry";

/**
 * What every request meets first, before either mount routes it: a raw path with a dot segment or a
 * malformed percent-encoding is answered 400 here (Next.js would resolve the one and fail on the
 * other), and Next.js is told the TCP peer's address in a header this server always overwrites, so
 * lib/net can derive the client's address (a client cannot choose it by sending the header itself).
 * Every request gets a request id (X-Request-Id back) and one log line when its response is done.
 */
export function edge(next: RequestListener): RequestListener {
  return (req, res) => {
    const started = performance.now();
    const peer = req.socket.remoteAddress ?? "";
    const id = requestIdFrom(req.headers["x-request-id"], peerIsTrustedProxy(peer));
    req.headers[REQUEST_ID_HEADER] = id;
    res.setHeader("x-request-id", id);
    res.once("close", () => logLine(req, res, id, started));
    const url = req.url ?? "/";
    const problem = rawPathProblem(url);
    if (problem) {
      const answer = rawPathAnswer(url, problem);
      res.writeHead(answer.status, { ...answer.headers, "content-length": String(Buffer.byteLength(answer.body)) });
      res.end(req.method === "HEAD" ? undefined : answer.body);
      return;
    }
    req.headers[PEER_ADDRESS_HEADER] = peer;
    next(req, res);
  };
}

function logLine(req: IncomingMessage, res: ServerResponse, id: string, started: number) {
  const note = takeRequestNote(id);
  logRequest({
    ...note,
    requestId: id,
    method: METHODS.has(req.method ?? "") ? req.method! : "OTHER",
    route: note?.route ?? routeOf(req.url ?? "/"),
    status: res.writableFinished ? res.statusCode : 499,
    durationMs: performance.now() - started,
  });
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** A bounded name for a path no handler described: the protocol pattern, or the area it belongs to. */
function routeOf(url: string): string {
  const q = url.indexOf("?");
  const path = q < 0 ? url : url.slice(0, q);
  const protocol = protocolRouteTemplate(path);
  if (protocol) return protocol;
  if (path === "/" || path === "/metrics") return path;
  for (const area of AREAS) if (path === area || path.startsWith(`${area}/`)) return `${area}/*`;
  return "other";
}

const AREAS = ["/_next", "/api/control", "/api/auth", "/api", "/control", "/signin"];
