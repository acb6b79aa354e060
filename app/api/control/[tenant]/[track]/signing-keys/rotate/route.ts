import { rotateTrackSigningKeys } from "@/lib/control/signing-keys";
import { controlRoute } from "@/lib/http/control-route";
import { readJson } from "@/lib/http/read-body";
import { json } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string };

export const POST = controlRoute<P>(async ({ req, actor, params }) => {
  await readJson(req, { optional: true });
  return json(await rotateTrackSigningKeys(actor, params.tenant, params.track));
});
