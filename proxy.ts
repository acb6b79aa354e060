import { NextResponse, type NextRequest } from "next/server";
import { rawPathAnswer, rawPathProblem } from "@/lib/net/raw-path";

// Two jobs, neither a security boundary (every page, action and handler checks authorization itself):
//
// 1. A path segment with a malformed percent-encoding (e.g. "%E0%A4%A") makes Next.js answer a bare 500
//    before any handler runs; this answers 400 in the format of the part of Fennec that was addressed
//    (lib/net/raw-path.ts; the production server checks the raw path the same way, dot segments too).
// 2. Every HTML page gets a Content-Security-Policy with a fresh script nonce: Next.js reads the nonce
//    from the request's policy and puts it on its own scripts (which is why every page renders
//    dynamically, see app/layout.tsx), so no script without it runs, injected markup included.
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const problem = rawPathProblem(path);
  if (problem) {
    const answer = rawPathAnswer(path, problem);
    return new NextResponse(answer.body, { status: answer.status, headers: answer.headers });
  }
  if (!isPage(path)) return NextResponse.next();
  const policy = pagePolicy(nonce());
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

// `next dev` only: React rebuilds server error stacks in the browser with eval; production never needs it.
const DEV = process.env.NODE_ENV === "development";

// Styles: React renders style attributes and Next.js inline styles that carry no nonce; a nonce in
// style-src would make browsers ignore 'unsafe-inline' and drop them. CSS cannot run script, so styles
// stay inline-capable while scripts are nonce-only ('strict-dynamic' lets Next's loader add chunks).
export function pagePolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${DEV ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// Protocol endpoints, APIs and build assets are not pages (next.config.js gives them their headers).
// The protocol's namespace is lib/oauth/match-protocol-path.ts's isProtocolNamespace (a unit test keeps them in step).
const NOT_PAGE = /^\/(?:api\/|_next\/|healthz\/?$|readyz\/?$|favicon\.ico$|\.well-known(?:\/|$)|(?!(?:control|signin)\/)[^/]+\/[^/]+\/(?:[^/]+\/)?(?:oauth|\.well-known)(?:\/|$))/;
export const isPage = (path: string) => !NOT_PAGE.test(path);

// Paths with a "%" (for job 1), and every path that can be a page (job 2): not the protocol endpoints,
// so that the token route on the Next.js mount runs no proxy.
export const config = {
  matcher: [
    "/(.*%.*)",
    "/((?!api/|_next/|healthz/?$|readyz/?$|favicon\\.ico$|\\.well-known(?:/|$))(?!(?!(?:control|signin)/)[^/]+/[^/]+/(?:[^/]+/)?(?:oauth|\\.well-known)(?:/|$)).*)",
  ],
};
