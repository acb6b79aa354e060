import { NextResponse, type NextRequest } from "next/server";

// Next.js answers a path segment with a malformed percent-encoding (e.g. "%E0%A4%A") with a bare 500
// before any handler runs. This catches those paths only (the matcher admits paths containing "%",
// so the token route's ordinary requests never pass through here) and answers 400 in the format of
// the part of Fennec that was addressed. It is not a security boundary.
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  try {
    for (const segment of path.split("/")) decodeURIComponent(segment);
    return NextResponse.next();
  } catch {
    return badPath(path);
  }
}

function badPath(path: string) {
  const detail = "The request path contains a malformed percent-encoding.";
  if (path.startsWith("/api/control/")) {
    return NextResponse.json(
      { type: "about:blank", title: "Bad Request", status: 400, detail },
      { status: 400, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } },
    );
  }
  if (path.startsWith("/control") || path.startsWith("/signin") || path.startsWith("/api/")) {
    return new NextResponse(`Bad request: ${detail}\n`, {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return NextResponse.json(
    { error: "invalid_request", error_description: "the request path contains a malformed percent-encoding" },
    { status: 400, headers: { "cache-control": "no-store" } },
  );
}

export const config = { matcher: ["/(.*%.*)"] };
