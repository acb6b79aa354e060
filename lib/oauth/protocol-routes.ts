import "server-only";
import { handleHealthz, handleReadyz } from "./health-endpoints";
import { malformedPath, methodNotAllowed, notFound, PROTOCOL_HEADERS, unavailable } from "./http";
import { introspectionEndpoint } from "./introspection-endpoint";
import { handleDiscovery, handleJwks } from "./metadata-endpoints";
import type { ProtocolRequest, ProtocolResponse, RouteParams } from "./protocol";
import { revocationEndpoint } from "./revocation-endpoint";
import { tokenEndpoint } from "./token-endpoint";

export type RouteKind = "token" | "introspect" | "revoke" | "discovery" | "jwks" | "healthz" | "readyz";

type Endpoint = { methods: readonly string[]; handle(request: ProtocolRequest, params: RouteParams): Promise<ProtocolResponse> };

const POST = ["POST"] as const;
const GET = ["GET", "HEAD"] as const;
const ENDPOINTS: Record<RouteKind, Endpoint> = {
  token: { methods: POST, handle: tokenEndpoint },
  introspect: { methods: POST, handle: introspectionEndpoint },
  revoke: { methods: POST, handle: revocationEndpoint },
  discovery: { methods: GET, handle: handleDiscovery },
  jwks: { methods: GET, handle: handleJwks },
  healthz: { methods: GET, handle: handleHealthz },
  readyz: { methods: GET, handle: handleReadyz },
};

/**
 * The protocol paths, exactly as the route files under app/ lay them out (a unit test holds the two
 * together), so the node:http mount and the Next.js route handlers answer the same paths.
 */
export const PROTOCOL_ROUTES: readonly { pattern: string; kind: RouteKind }[] = [
  { pattern: "/[tenant]/[track]/oauth/token", kind: "token" },
  { pattern: "/[tenant]/[track]/[party]/oauth/token", kind: "token" },
  { pattern: "/[tenant]/[track]/oauth/introspect", kind: "introspect" },
  { pattern: "/[tenant]/[track]/[party]/oauth/introspect", kind: "introspect" },
  { pattern: "/[tenant]/[track]/oauth/revoke", kind: "revoke" },
  { pattern: "/[tenant]/[track]/[party]/oauth/revoke", kind: "revoke" },
  { pattern: "/[tenant]/[track]/.well-known/openid-configuration", kind: "discovery" },
  { pattern: "/[tenant]/[track]/[party]/.well-known/openid-configuration", kind: "discovery" },
  { pattern: "/.well-known/oauth-authorization-server/[tenant]/[track]", kind: "discovery" },
  { pattern: "/[tenant]/[track]/.well-known/openid-configuration/keys", kind: "jwks" },
  { pattern: "/[tenant]/[track]/[party]/.well-known/openid-configuration/keys", kind: "jwks" },
  { pattern: "/healthz", kind: "healthz" },
  { pattern: "/readyz", kind: "readyz" },
];

/** The methods a route handler file exports; any other method is Next.js's to answer. */
export const ROUTE_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * Answers one protocol request: OPTIONS lists the methods, any method the endpoint does not offer is
 * a JSON 405 with Allow, and HEAD never carries a body.
 */
export async function dispatchProtocol(kind: RouteKind, params: RouteParams | null, request: ProtocolRequest): Promise<ProtocolResponse> {
  if (params === null) return malformedPath();
  const endpoint = ENDPOINTS[kind];
  if (request.method === "OPTIONS") {
    return { status: 204, headers: { allow: [...endpoint.methods, "OPTIONS"].sort().join(", "), ...PROTOCOL_HEADERS }, body: null };
  }
  if (!endpoint.methods.includes(request.method)) {
    const r = methodNotAllowed(endpoint.methods);
    if (request.method === "HEAD") r.body = null;
    return r;
  }
  let r: ProtocolResponse;
  try {
    r = await endpoint.handle(request, params);
  } catch (e) {
    r = unavailable("protocol endpoint", e); // the endpoints answer their own failures; this is the last guard
  }
  if (request.method === "HEAD") r.body = null;
  return r;
}

/** A path in the protocol's namespace that no endpoint answers: a JSON 404 whatever the method. */
export function unknownProtocolPath(request: Pick<ProtocolRequest, "method">): ProtocolResponse {
  const r = notFound("no protocol endpoint at this path");
  if (request.method === "HEAD") r.body = null;
  return r;
}
