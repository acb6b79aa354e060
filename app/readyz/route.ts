import { readiness } from "@/lib/health/readiness";

export const dynamic = "force-dynamic";

/** Readiness: the database answers and every migration is applied. */
export async function GET() {
  const r = await readiness();
  return Response.json(r, { status: r.status === "ok" ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
