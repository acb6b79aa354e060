import { createTrack, listTracks } from "@/lib/control/tracks";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { readJson } from "@/lib/control-api/read-body";
import type { TrackCreateInput } from "@/lib/validation";
import { json, queryOf } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string };

export const GET = controlRoute<P>(async ({ req, actor, params }) => json(await listTracks(actor, params.tenant, queryOf(req))));

export const POST = controlRoute<P>(async ({ req, actor, params }) => {
  const track = await createTrack(actor, params.tenant, await readJson<TrackCreateInput>(req));
  return json(track, { status: 201, etag: track.version, location: `/api/control/${params.tenant}/tracks/${track.name}` });
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/tracks"]);
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
