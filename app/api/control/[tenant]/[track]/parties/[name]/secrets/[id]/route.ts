import { deleteSecret } from "@/lib/control/secrets";
import { controlRoute } from "@/lib/http/control-route";
import { noContent } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string; name: string; id: string };

export const DELETE = controlRoute<P>(async ({ actor, params }) => {
  await deleteSecret(actor, { tenant: params.tenant, track: params.track, party: params.name }, params.id);
  return noContent();
});
