import "server-only";
import { isProtocolNamespace, matchProtocolPath } from "./match-protocol-path";
import { dispatchProtocol, ROUTE_METHODS, unknownProtocolPath, type RouteKind } from "./protocol-routes";
import { toWebResponse, webProtocolRequest } from "./web-adapter";

type Ctx = { params?: Promise<Record<string, string | string[]>> };
type Handler = (request: Request, ctx: Ctx) => Promise<Response>;

/**
 * The Next.js mount: what each protocol route file exports, one handler for every method, each a thin
 * adapter over the same core the node:http mount calls. Next.js has decoded the path parameters once.
 */
export function protocolRoute(kind: RouteKind): Record<(typeof ROUTE_METHODS)[number], Handler> {
  const handler: Handler = async (request, ctx) => {
    const raw = (await ctx.params) ?? {};
    const params = { tenant: one(raw.tenant), track: one(raw.track), party: one(raw.party) };
    return toWebResponse(await dispatchProtocol(kind, params, webProtocolRequest(request)));
  };
  return Object.fromEntries(ROUTE_METHODS.map((m) => [m, handler])) as Record<(typeof ROUTE_METHODS)[number], Handler>;
}

/**
 * The catch-all route files below `oauth/` and `.well-known/`: the path is matched as the fast mount
 * matches it (so a route Next.js would rank below the catch-all still answers alike), and a path no
 * endpoint answers is the protocol's JSON 404. A path outside the namespace (`/control/{tenant}/oauth/x`,
 * which only reaches here because no UI page matched) is Next.js's own 404: the route file passes in
 * `notFound` from next/navigation, which this framework-free core does not import.
 */
export function protocolFallbackRoute(notFound: () => never): Record<(typeof ROUTE_METHODS)[number], Handler> {
  const handler: Handler = async (request) => {
    const path = new URL(request.url).pathname;
    const match = matchProtocolPath(path);
    if (match) return toWebResponse(await dispatchProtocol(match.kind, match.params, webProtocolRequest(request)));
    if (!isProtocolNamespace(path)) notFound();
    return toWebResponse(unknownProtocolPath(request));
  };
  return Object.fromEntries(ROUTE_METHODS.map((m) => [m, handler])) as Record<(typeof ROUTE_METHODS)[number], Handler>;
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
