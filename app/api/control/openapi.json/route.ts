import { getConfig } from "@/lib/config";
import { buildOpenApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-dynamic";

// Public, like any API description: it holds no data, only the shape of the API.
export function GET() {
  return Response.json(buildOpenApiDocument(getConfig().publicUrl), { headers: { "cache-control": "public, max-age=300" } });
}
