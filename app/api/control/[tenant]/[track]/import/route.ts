import { importTrack } from "@/lib/control/import";
import { controlRoute, methodNotAllowed } from "@/lib/control-api/control-route";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";
import { readJson } from "@/lib/control-api/read-body";
import { json } from "@/lib/control-api/respond";
import { MAX_IMPORT_BYTES, type ImportMode } from "@/lib/validation";

export const dynamic = "force-dynamic";

type P = { tenant: string; track: string };

export const POST = controlRoute<P>(async ({ req, actor, params }) => {
  const mode = (new URL(req.url).searchParams.get("mode") ?? "dry_run") as ImportMode;
  const doc = await readJson(req, { max: MAX_IMPORT_BYTES });
  return json(await importTrack(actor, params.tenant, params.track, doc, mode), { noStore: true });
});

const notAllowed = methodNotAllowed(CONTROL_API_ROUTES["/api/control/{tenant}/{track}/import"]);
export const GET = notAllowed;
export const PUT = notAllowed;
export const PATCH = notAllowed;
export const DELETE = notAllowed;
