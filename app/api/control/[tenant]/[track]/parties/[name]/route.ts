import { deleteParty, getParty, updateParty } from "@/lib/control/parties";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { readJson } from "@/lib/control-api/read-body";
import type { PartyUpdateInput } from "@/lib/validation";
import { ifMatchVersion, json, noContent } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string; name: string };
const ref = (p: P) => ({ tenant: p.tenant, track: p.track, party: p.name });

export const GET = controlRoute<P>(async ({ actor, params }) => {
  const party = await getParty(actor, ref(params));
  return json(party, { etag: party.version });
});

export const PUT = controlRoute<P>(async ({ req, actor, params }) => {
  const expected = ifMatchVersion(req);
  const party = await updateParty(actor, ref(params), await readJson<PartyUpdateInput>(req), expected);
  return json(party, { etag: party.version });
});

export const DELETE = controlRoute<P>(async ({ actor, params }) => {
  await deleteParty(actor, ref(params));
  return noContent();
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/parties/{name}"]);
export const POST = notAllowed;
export const PATCH = notAllowed;
