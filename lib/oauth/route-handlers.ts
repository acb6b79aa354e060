import "server-only";
import { dispatchProtocol, ROUTE_METHODS, type RouteKind } from "./protocol-routes";
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

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
