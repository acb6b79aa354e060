"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { name, partyRef } from "../_lib/refs";
import { createParty, deleteParty, updateParty, type PartyRefInput } from "@/lib/control";
import type { PartyCreateInput, PartyUpdateInput } from "@/lib/validation";

export async function createPartyAction(tenant: string, track: string, input: PartyCreateInput) {
  return adminAction(async (actor) => ({ party: await createParty(actor, name(tenant), name(track), input) }));
}

export async function updatePartyAction(ref: PartyRefInput, input: PartyUpdateInput) {
  return adminAction(async (actor) => ({ party: await updateParty(actor, partyRef(ref), input) }));
}

export async function deletePartyAction(ref: PartyRefInput) {
  return adminAction(async (actor) => {
    await deleteParty(actor, partyRef(ref));
    return {};
  });
}
