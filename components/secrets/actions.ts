"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { createSecret, deleteSecret, listSecrets, type PartyRefInput } from "@/lib/control";
import { idArg, partyRefArg, type SecretCreateInput } from "@/lib/validation";

/** The new secret is in this one response and nowhere else. */
export async function createSecretAction(ref: PartyRefInput, input: SecretCreateInput) {
  return adminAction(async (actor) => {
    const created = await createSecret(actor, partyRefArg(ref), input);
    return { secret: created.secret, secrets: await listSecrets(actor, partyRefArg(ref)) };
  });
}

export async function deleteSecretAction(ref: PartyRefInput, secretId: string) {
  return adminAction(async (actor) => {
    await deleteSecret(actor, partyRefArg(ref), idArg(secretId));
    return { secrets: await listSecrets(actor, partyRefArg(ref)) };
  });
}
