import { deleteClientKey } from "@/lib/control/client-keys";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { noContent } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string; name: string; kid: string };

export const DELETE = controlRoute<P>(async ({ actor, params }) => {
  await deleteClientKey(actor, { tenant: params.tenant, track: params.track, party: params.name }, params.kid);
  return noContent();
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/parties/{name}/keys/{kid}"]);
export const GET = notAllowed;
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
