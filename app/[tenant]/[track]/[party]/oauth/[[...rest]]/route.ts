import { notFound } from "next/navigation";
import { protocolFallbackRoute } from "@/lib/oauth/route-handlers";

// Every other path below here: the protocol's JSON 404 (README "Token service, Errors").
export const dynamic = "force-dynamic";
const route = protocolFallbackRoute(notFound);
export const GET = route.GET;
export const HEAD = route.HEAD;
export const POST = route.POST;
export const PUT = route.PUT;
export const PATCH = route.PATCH;
export const DELETE = route.DELETE;
export const OPTIONS = route.OPTIONS;
