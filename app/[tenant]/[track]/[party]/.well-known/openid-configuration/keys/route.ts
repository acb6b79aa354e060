import { jwksRoute } from "@/lib/oauth/route-handlers";

export const dynamic = "force-dynamic";
export const GET = jwksRoute.GET;
export const POST = jwksRoute.POST;
export const PUT = jwksRoute.PUT;
export const PATCH = jwksRoute.PATCH;
export const DELETE = jwksRoute.DELETE;
