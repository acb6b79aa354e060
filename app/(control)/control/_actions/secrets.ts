"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { createSecret, deleteSecret, listSecrets, type PartyRefInput } from "@/lib/control";
import type { SecretCreateInput } from "@/lib/validation";

/** The new secret is in this one response and nowhere else. */
export async function createSecretAction(ref: PartyRefInput, input: SecretCreateInput) {
  return adminAction(async (actor) => {
    const created = await createSecret(actor, ref, input);
    return { secret: created.secret, secrets: await listSecrets(actor, ref) };
  });
}

export async function deleteSecretAction(ref: PartyRefInput, id: string) {
  return adminAction(async (actor) => {
    await deleteSecret(actor, ref, id);
    return { secrets: await listSecrets(actor, ref) };
  });
}
