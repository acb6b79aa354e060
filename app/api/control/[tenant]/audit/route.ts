import { listAudit } from "@/lib/control/audit";
import { controlRoute } from "@/lib/http/control-route";
import { json, queryOf } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = controlRoute<{ tenant: string }>(async ({ req, actor, params }) =>
  json(await listAudit(actor, params.tenant, queryOf(req))),
);
