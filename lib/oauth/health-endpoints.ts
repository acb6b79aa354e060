import "server-only";
import { readiness } from "@/lib/health/readiness";
import { healthJson } from "./http";
import type { ProtocolResponse } from "./protocol";

/** Liveness: the process answers. */
export async function handleHealthz(): Promise<ProtocolResponse> {
  return healthJson(200, { status: "ok" });
}

/** Readiness: the database answers and every migration is applied. */
export async function handleReadyz(): Promise<ProtocolResponse> {
  const r = await readiness();
  return healthJson(r.status === "ok" ? 200 : 503, r);
}
