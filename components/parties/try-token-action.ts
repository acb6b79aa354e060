"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { tryToken, type TryTokenInput } from "@/lib/control";

/** "Try it": the token endpoint's answer for this client's credentials, as the client would get it. */
export async function tryTokenAction(input: TryTokenInput) {
  return adminAction(async (actor) => tryToken(actor, input));
}
