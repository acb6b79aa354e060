import { notFoundRoute } from "@/lib/control-api/control-route";

export const dynamic = "force-dynamic";

// Any path under /api/control that no route file claims: a 404 problem, never the UI's HTML page.
export const GET = notFoundRoute;
export const HEAD = notFoundRoute;
export const POST = notFoundRoute;
export const PUT = notFoundRoute;
export const PATCH = notFoundRoute;
export const DELETE = notFoundRoute;
export const OPTIONS = notFoundRoute;
