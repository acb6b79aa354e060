import { protocolRoute } from "@/lib/oauth/route-handlers";

export const dynamic = "force-dynamic";
const route = protocolRoute("revoke");
export const GET = route.GET;
export const HEAD = route.HEAD;
export const POST = route.POST;
export const PUT = route.PUT;
export const PATCH = route.PATCH;
export const DELETE = route.DELETE;
export const OPTIONS = route.OPTIONS;
