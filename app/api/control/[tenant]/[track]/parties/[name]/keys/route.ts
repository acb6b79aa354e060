import { addClientKey, listClientKeys } from "@/lib/control/client-keys";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { readClientKeyUpload } from "@/lib/control-api/read-client-key";
import { json } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string; name: string };
const ref = (p: P) => ({ tenant: p.tenant, track: p.track, party: p.name });

export const GET = controlRoute<P>(async ({ actor, params }) => json({ data: await listClientKeys(actor, ref(params)) }));

export const POST = controlRoute<P>(async ({ req, actor, params }) => {
  const { upload, field } = await readClientKeyUpload(req);
  return json(await addClientKey(actor, ref(params), upload, field), { status: 201 });
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/parties/{name}/keys"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
