import "server-only";
import { listResourceOptions, type Actor } from "@/lib/control";

/** The grants picker's first page: the track's first 50 resources and the ones already granted. */
export function resourceOptions(actor: Actor, tenant: string, track: string, granted: string[] = []) {
  return listResourceOptions(actor, tenant, track, { include: granted, limit: 50 });
}
