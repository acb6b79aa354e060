import { deleteTrack, getTrack, updateTrack } from "@/lib/control/tracks";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { readJson } from "@/lib/control-api/read-body";
import type { TrackUpdateInput } from "@/lib/validation";
import { ifMatchVersion, json, noContent } from "@/lib/control-api/respond";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string };

export const GET = controlRoute<P>(async ({ actor, params }) => {
  const track = await getTrack(actor, params.tenant, params.track);
  return json(track, { etag: track.version });
});

export const PATCH = controlRoute<P>(async ({ req, actor, params }) => {
  const expected = ifMatchVersion(req);
  const track = await updateTrack(actor, params.tenant, params.track, await readJson<TrackUpdateInput>(req), expected);
  return json(track, { etag: track.version });
});

export const DELETE = controlRoute<P>(async ({ actor, params }) => {
  await deleteTrack(actor, params.tenant, params.track);
  return noContent();
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/tracks/{track}"]);
export const POST = notAllowed;
export const PUT = notAllowed;
