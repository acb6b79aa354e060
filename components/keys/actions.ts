"use server";

import { adminAction } from "@/lib/auth/admin-action";
import {
  addClientKey,
  clientKeyFromForm,
  deleteClientKey,
  listClientKeys,
  previewClientKey,
  promoteTrackSigningKeysNow,
  rotateTrackSigningKeys,
  type PartyRefInput,
} from "@/lib/control";
import { idArg, nameArg, partyRefArg } from "@/lib/validation";

/** Reads an upload and shows what it holds, storing nothing: the administrator checks it before saving. */
export async function previewClientKeyAction(form: FormData) {
  return adminAction(async (actor) => ({ key: await previewClientKey(actor, await clientKeyFromForm(form)) }));
}

export async function addClientKeyAction(ref: PartyRefInput, form: FormData) {
  return adminAction(async (actor) => {
    const key = await addClientKey(actor, partyRefArg(ref), await clientKeyFromForm(form));
    return { key, keys: await listClientKeys(actor, partyRefArg(ref)) };
  });
}

export async function deleteClientKeyAction(ref: PartyRefInput, kid: string) {
  return adminAction(async (actor) => {
    await deleteClientKey(actor, partyRefArg(ref), idArg(kid));
    return { keys: await listClientKeys(actor, partyRefArg(ref)) };
  });
}

export async function rotateSigningKeysAction(tenant: string, track: string) {
  return adminAction(async (actor) => rotateTrackSigningKeys(actor, nameArg(tenant), nameArg(track)));
}

export async function promoteSigningKeysNowAction(tenant: string, track: string) {
  return adminAction(async (actor) => promoteTrackSigningKeysNow(actor, nameArg(tenant), nameArg(track)));
}
