import { listAudit } from "@/lib/control/audit";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { json, queryOf } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

export const GET = controlRoute<{ tenant: string }>(async ({ req, actor, params }) =>
  json(await listAudit(actor, params.tenant, queryOf(req))),
);

const notAllowed = methodNotAllowed(["GET"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
