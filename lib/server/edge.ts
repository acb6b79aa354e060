import type { RequestListener } from "node:http";
import { PEER_ADDRESS_HEADER } from "@/lib/net/client-address";
import { rawPathAnswer, rawPathProblem } from "@/lib/net/raw-path";

/**
 * What every request meets first, before either mount routes it: a raw path with a dot segment or a
 * malformed percent-encoding is answered 400 here (Next.js would resolve the one and fail on the
 * other), and Next.js is told the TCP peer's address in a header this server always overwrites, so
 * lib/net can derive the client's address (a client cannot choose it by sending the header itself).
 */
export function edge(next: RequestListener): RequestListener {
  return (req, res) => {
    const url = req.url ?? "/";
    const problem = rawPathProblem(url);
    if (problem) {
      const answer = rawPathAnswer(url, problem);
      res.writeHead(answer.status, { ...answer.headers, "content-length": String(Buffer.byteLength(answer.body)) });
      res.end(req.method === "HEAD" ? undefined : answer.body);
      return;
    }
    req.headers[PEER_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
    next(req, res);
  };
}
