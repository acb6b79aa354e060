import { createSecret, listSecrets } from "@/lib/control/secrets";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { readJson } from "@/lib/control-api/read-body";
import type { SecretCreateInput } from "@/lib/validation";
import { json } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string; name: string };
const ref = (p: P) => ({ tenant: p.tenant, track: p.track, party: p.name });

export const GET = controlRoute<P>(async ({ actor, params }) => json({ data: await listSecrets(actor, ref(params)) }));

export const POST = controlRoute<P>(async ({ req, actor, params }) => {
  const secret = await createSecret(actor, ref(params), await readJson<SecretCreateInput>(req, { optional: true }));
  return json(secret, { status: 201, noStore: true });
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/parties/{name}/secrets"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
