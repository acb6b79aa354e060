import { createTenant, listTenants } from "@/lib/control/tenants";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { readJson } from "@/lib/control-api/read-body";
import type { TenantCreateInput } from "@/lib/validation";
import { json, queryOf } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

export const GET = controlRoute(async ({ req, actor }) => json(await listTenants(actor, queryOf(req))));

export const POST = controlRoute(async ({ req, actor }) => {
  const tenant = await createTenant(actor, await readJson<TenantCreateInput>(req));
  return json(tenant, { status: 201, etag: tenant.version, location: `/api/control/tenants/${tenant.name}` });
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/tenants"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
