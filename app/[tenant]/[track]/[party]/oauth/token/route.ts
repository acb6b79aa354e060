import { tokenRoute } from "@/lib/oauth/route-handlers";

export const dynamic = "force-dynamic";
export const POST = tokenRoute.POST;
export const GET = tokenRoute.GET;
export const PUT = tokenRoute.PUT;
export const PATCH = tokenRoute.PATCH;
export const DELETE = tokenRoute.DELETE;
