import { deleteTenant, getTenant } from "@/lib/control/tenants";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { json, noContent } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string };

export const GET = controlRoute<P>(async ({ actor, params }) => {
  const tenant = await getTenant(actor, params.tenant);
  return json(tenant, { etag: tenant.version });
});

export const DELETE = controlRoute<P>(async ({ actor, params }) => {
  await deleteTenant(actor, params.tenant);
  return noContent();
});

const notAllowed = methodNotAllowed(["GET", "DELETE"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
