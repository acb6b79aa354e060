import { listRevokedTokens } from "@/lib/control/revoked-tokens";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { json, queryOf } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string; name: string };

export const GET = controlRoute<P>(async ({ req, actor, params }) =>
  json(await listRevokedTokens(actor, { tenant: params.tenant, track: params.track, party: params.name }, queryOf(req))),
);

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/parties/{name}/revoked-tokens"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
