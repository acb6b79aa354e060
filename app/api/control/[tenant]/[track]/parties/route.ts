import { createParty, listParties } from "@/lib/control/parties";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { readJson } from "@/lib/control-api/read-body";
import type { PartyCreateInput } from "@/lib/validation";
import { json, queryOf } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string };

export const GET = controlRoute<P>(async ({ req, actor, params }) =>
  json(await listParties(actor, params.tenant, params.track, queryOf(req))),
);

export const POST = controlRoute<P>(async ({ req, actor, params }) => {
  const party = await createParty(actor, params.tenant, params.track, await readJson<PartyCreateInput>(req));
  return json(party, {
    status: 201,
    etag: party.version,
    noStore: true,
    location: `/api/control/${params.tenant}/${params.track}/parties/${party.name}`,
  });
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/parties"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
