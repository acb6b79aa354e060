import { listAudit } from "@/lib/control/audit";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { json, queryOf } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

export const GET = controlRoute<{ tenant: string }>(async ({ req, actor, params }) =>
  json(await listAudit(actor, params.tenant, queryOf(req))),
);

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/audit"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
