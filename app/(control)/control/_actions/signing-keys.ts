"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { rotateTrackSigningKeys } from "@/lib/control";

export async function rotateSigningKeysAction(tenant: string, track: string) {
  return adminAction(async (actor) => rotateTrackSigningKeys(actor, tenant, track));
}
