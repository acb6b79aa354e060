import { exportTrack } from "@/lib/control/export";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string };

export const GET = controlRoute<P>(async ({ actor, params }) => {
  const doc = await exportTrack(actor, params.tenant, params.track);
  return new Response(JSON.stringify(doc, null, 2), {
    headers: {
      "content-type": "application/json",
      "cache-control": "no-store",
      "content-disposition": `attachment; filename="fennec-${doc.exported_from.tenant}-${doc.exported_from.track}.json"`,
    },
  });
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/export"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
