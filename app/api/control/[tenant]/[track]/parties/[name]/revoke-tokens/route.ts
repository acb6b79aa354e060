import { revokeClientTokens } from "@/lib/control/revoked-tokens";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { readJson } from "@/lib/control-api/read-body";
import { json } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string; name: string };

export const POST = controlRoute<P>(async ({ req, actor, params }) => {
  await readJson(req, { optional: true });
  return json(await revokeClientTokens(actor, { tenant: params.tenant, track: params.track, party: params.name }));
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/parties/{name}/revoke-tokens"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
