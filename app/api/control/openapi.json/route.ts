import { methodNotAllowed } from "@/lib/control-api/control-route";
import { getConfig } from "@/lib/config";
import { buildOpenApiDocument } from "@/lib/control-api/openapi";

export const dynamic = "force-dynamic";

// Public, like any API description: it holds no data, only the shape of the API.
export function GET() {
  return Response.json(buildOpenApiDocument(getConfig().publicUrl), { headers: { "cache-control": "public, max-age=300" } });
}

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
