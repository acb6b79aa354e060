import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { matchProtocolPath, type ProtocolMatch } from "@/lib/oauth/match-protocol-path";
import { dispatchProtocol, ROUTE_METHODS } from "@/lib/oauth/protocol-routes";
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
    const match = METHODS.has(method) ? matchProtocolPath(q < 0 ? url : url.slice(0, q)) : null;
    if (!match) return void next(req, res);
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
