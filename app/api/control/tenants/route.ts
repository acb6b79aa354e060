import { createTenant, listTenants } from "@/lib/control/tenants";
import { controlRoute, methodNotAllowed } from "@/lib/http/control-route";
import { readJson } from "@/lib/http/read-body";
import type { TenantCreateInput } from "@/lib/validation";
import { json, queryOf } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

export const GET = controlRoute(async ({ req, actor }) => json(await listTenants(actor, queryOf(req))));

export const POST = controlRoute(async ({ req, actor }) => {
  const tenant = await createTenant(actor, await readJson<TenantCreateInput>(req));
  return json(tenant, { status: 201, etag: tenant.version, location: `/api/control/tenants/${tenant.name}` });
});

const notAllowed = methodNotAllowed(["GET", "POST"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
