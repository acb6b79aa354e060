import "server-only";
import type { RouteParams } from "./protocol";
import { PROTOCOL_ROUTES, type RouteKind } from "./protocol-routes";

// params[i]: the parameter name at position i, or "" for a literal segment
type Compiled = { kind: RouteKind; pattern: string; segments: string[]; params: string[] };
export type ProtocolMatch = { kind: RouteKind; params: RouteParams | null };

const isParam = (s: string) => s.startsWith("[");

// Next.js prefers a static segment to a dynamic one at the first position where routes differ; so do we.
function moreSpecific(a: Compiled, b: Compiled): number {
  for (let i = 0; i < a.segments.length; i++) {
    const d = Number(isParam(a.segments[i])) - Number(isParam(b.segments[i]));
    if (d !== 0) return d;
  }
  return 0;
}

const byLength = new Map<number, Compiled[]>();
for (const r of PROTOCOL_ROUTES) {
  const segments = r.pattern.slice(1).split("/");
  const c = { kind: r.kind, pattern: r.pattern, segments, params: segments.map((p) => (isParam(p) ? p.slice(1, -1) : "")) };
  const list = byLength.get(c.segments.length) ?? [];
  list.push(c);
  list.sort(moreSpecific);
  byLength.set(c.segments.length, list);
}

// "." and ".." (also percent-encoded) are resolved by URL parsing before Next.js routes a path
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/**
 * The protocol endpoint a raw request path (before "?") addresses, or null when Next.js should have
 * it: paths it owns (/api, /_next), paths it normalises first (empty or dot segments, which it
 * redirects or resolves) and everything that is not a protocol path. One trailing slash is ignored,
 * as Next.js does. params is null when a parameter's percent-encoding is malformed.
 */
export function matchProtocolPath(path: string): ProtocolMatch | null {
  const c = findRoute(path);
  return c ? { kind: c.route.kind, params: decodeParams(c.route, c.segments) } : null;
}

/** The route pattern of a protocol path (for logs and metrics: never the raw path), or null. */
export function protocolRouteTemplate(path: string): string | null {
  return findRoute(path)?.route.pattern ?? null;
}

function findRoute(path: string): { route: Compiled; segments: string[] } | null {
  if (path.charCodeAt(0) !== 47 /* / */) return null;
  const end = path.length > 1 && path.endsWith("/") ? path.length - 1 : path.length;
  const segments = path.slice(1, end).split("/");
  const candidates = byLength.get(segments.length);
  if (!candidates || segments[0] === "api" || segments[0] === "_next") return null;
  for (const s of segments) if (s === "" || DOT_SEGMENT.test(s)) return null;
  for (const c of candidates) {
    if (matches(c, segments)) return { route: c, segments };
  }
  return null;
}

function matches(c: Compiled, segments: string[]): boolean {
  for (let i = 0; i < segments.length; i++) {
    if (!c.params[i] && c.segments[i] !== segments[i]) return false;
  }
  return true;
}

function decodeParams(c: Compiled, segments: string[]): RouteParams | null {
  const params: Record<string, string> = {};
  try {
    for (let i = 0; i < segments.length; i++) {
      const name = c.params[i];
      if (name) params[name] = decodeURIComponent(segments[i]);
    }
  } catch {
    return null;
  }
  return params;
}

// Below `/{tenant}/{track}/[{party}/]oauth` and `…/.well-known`, and below `/.well-known`, every path is
// the protocol's (README "Token service, Errors"): one no endpoint answers is a JSON 404, never the UI's
// page. The UI's own top-level names are reserved tenant names, so `/control/{tenant}/oauth/…` (a track
// named "oauth") stays the UI's.
const NAMESPACE = /^\/(?:\.well-known(?:\/|$)|(?!(?:control|signin|api|_next)\/)[^/]+\/[^/]+\/(?:[^/]+\/)?(?:oauth|\.well-known)(?:\/|$))/;

/** Whether a raw request path (before "?") that matches no protocol endpoint is still in the protocol's namespace. */
export function isProtocolNamespace(path: string): boolean {
  return NAMESPACE.test(path) && !path.includes("//");
}
