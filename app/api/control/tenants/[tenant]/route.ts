import { deleteTenant, getTenant } from "@/lib/control/tenants";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
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

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/tenants/{tenant}"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
