import "server-only";
import { methodNotAllowed } from "./http";
import { handleDiscovery, handleJwks, type MetadataRoute } from "./metadata-endpoints";
import { handleTokenRequest, type TokenRoute } from "./token-endpoint";

// What each protocol route file exports: the params promise resolved, then one core function.
type Ctx<P> = { params: Promise<P> };

const notPost = async () => methodNotAllowed(["POST"]);
const notGet = async () => methodNotAllowed(["GET", "HEAD"]);

export const tokenRoute = {
  POST: async (request: Request, { params }: Ctx<TokenRoute>) => handleTokenRequest(request, await params),
  GET: notPost,
  PUT: notPost,
  PATCH: notPost,
  DELETE: notPost,
};

export const discoveryRoute = {
  GET: async (request: Request, { params }: Ctx<MetadataRoute>) => handleDiscovery(request, await params),
  POST: notGet,
  PUT: notGet,
  PATCH: notGet,
  DELETE: notGet,
};

export const jwksRoute = {
  GET: async (request: Request, { params }: Ctx<MetadataRoute>) => handleJwks(request, await params),
  POST: notGet,
  PUT: notGet,
  PATCH: notGet,
  DELETE: notGet,
};
