"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { id, partyRef } from "../_lib/refs";
import { createSecret, deleteSecret, listSecrets, type PartyRefInput } from "@/lib/control";
import type { SecretCreateInput } from "@/lib/validation";

/** The new secret is in this one response and nowhere else. */
export async function createSecretAction(ref: PartyRefInput, input: SecretCreateInput) {
  return adminAction(async (actor) => {
    const created = await createSecret(actor, partyRef(ref), input);
    return { secret: created.secret, secrets: await listSecrets(actor, partyRef(ref)) };
  });
}

export async function deleteSecretAction(ref: PartyRefInput, secretId: string) {
  return adminAction(async (actor) => {
    await deleteSecret(actor, partyRef(ref), id(secretId));
    return { secrets: await listSecrets(actor, partyRef(ref)) };
  });
}
