import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { isProtocolNamespace, matchProtocolPath, type ProtocolMatch } from "@/lib/oauth/match-protocol-path";
import { dispatchProtocol, ROUTE_METHODS, unknownProtocolPath } from "@/lib/oauth/protocol-routes";
import { NodeProtocolRequest, sendProtocolResponse } from "./node-protocol";

const METHODS = new Set<string>(ROUTE_METHODS);

/**
 * The fast mount: protocol requests (token, discovery, JWKS, health) go straight to lib/oauth on
 * node:http; everything else, and every path Next.js would first normalise, goes to Next.js.
 */
export function fastMount(next: RequestListener): RequestListener {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "";
    const q = url.indexOf("?");
    const method = req.method ?? "";
    if (!METHODS.has(method)) return void next(req, res);
    const path = q < 0 ? url : url.slice(0, q);
    const match = matchProtocolPath(path);
    if (!match) {
      if (isProtocolNamespace(path)) return void sendProtocolResponse(res, unknownProtocolPath({ method }));
      return void next(req, res);
    }
    void serve(match, new NodeProtocolRequest(req, method, q < 0 ? null : url.slice(q + 1)), res);
  };
}

async function serve(match: ProtocolMatch, request: NodeProtocolRequest, res: ServerResponse) {
  try {
    sendProtocolResponse(res, await dispatchProtocol(match.kind, match.params, request));
  } catch {
    res.destroy(); // the core answers its own failures; this is a response that could not be written
  }
}
