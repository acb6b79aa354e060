import { notFound } from "next/navigation";
import { protocolFallbackRoute } from "@/lib/oauth/route-handlers";

// The handlers of every catch-all route below a protocol namespace: the protocol's JSON 404
// (README "Token service, Errors"). A private folder (leading underscore): no route of its own.
const route = protocolFallbackRoute(notFound);
export const GET = route.GET;
export const HEAD = route.HEAD;
export const POST = route.POST;
export const PUT = route.PUT;
export const PATCH = route.PATCH;
export const DELETE = route.DELETE;
export const OPTIONS = route.OPTIONS;
