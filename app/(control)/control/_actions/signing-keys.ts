"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { name } from "../_lib/refs";
import { rotateTrackSigningKeys } from "@/lib/control";

export async function rotateSigningKeysAction(tenant: string, track: string) {
  return adminAction(async (actor) => rotateTrackSigningKeys(actor, name(tenant), name(track)));
}
