import { answerMetrics } from "@/lib/telemetry";

export const dynamic = "force-dynamic";

/** GET /metrics through Next.js (FENNEC_FAST_MOUNT=off, next dev); the fast mount answers it otherwise. */
export async function GET(request: Request): Promise<Response> {
  const a = await answerMetrics((name) => request.headers.get(name));
  return new Response(a.body, { status: a.status, headers: a.headers });
}
