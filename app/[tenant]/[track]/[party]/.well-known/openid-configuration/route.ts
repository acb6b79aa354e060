import { discoveryRoute } from "@/lib/oauth/route-handlers";

export const dynamic = "force-dynamic";
export const GET = discoveryRoute.GET;
export const POST = discoveryRoute.POST;
export const PUT = discoveryRoute.PUT;
export const PATCH = discoveryRoute.PATCH;
export const DELETE = discoveryRoute.DELETE;
