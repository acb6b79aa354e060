import { listTrackSigningKeys } from "@/lib/control/signing-keys";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { json } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string };

export const GET = controlRoute<P>(async ({ actor, params }) =>
  json({ data: await listTrackSigningKeys(actor, params.tenant, params.track) }),
);

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/signing-keys"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
