import { trackUsage } from "@/lib/control/usage";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { json } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string };

export const GET = controlRoute<P>(async ({ req, actor, params }) => {
  const q = new URL(req.url).searchParams;
  const one = (k: string) => q.get(k) ?? undefined;
  return json(await trackUsage(actor, params.tenant, params.track, { from: one("from"), to: one("to"), granularity: one("granularity"), client: one("client") }));
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/usage"]);
export const POST = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
