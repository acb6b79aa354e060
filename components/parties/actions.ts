"use server";

import { adminAction } from "@/lib/auth/admin-action";
import {
  createParty,
  deleteParty,
  listResourceOptions,
  listRevokedTokens,
  revokeClientTokens,
  updateParty,
  type PartyRefInput,
} from "@/lib/control";
import { nameArg, partyRefArg, type PartyCreateInput, type PartyUpdateInput } from "@/lib/validation";

export async function createPartyAction(tenant: string, track: string, input: PartyCreateInput) {
  return adminAction(async (actor) => ({ party: await createParty(actor, nameArg(tenant), nameArg(track), input) }));
}

export async function updatePartyAction(ref: PartyRefInput, input: PartyUpdateInput) {
  return adminAction(async (actor) => ({ party: await updateParty(actor, partyRefArg(ref), input) }));
}

export async function deletePartyAction(ref: PartyRefInput) {
  return adminAction(async (actor) => {
    await deleteParty(actor, partyRefArg(ref));
    return {};
  });
}

/** The grants picker's search: the track's resources whose name or display name contains `filter`. */
export async function searchResourcesAction(tenant: string, track: string, filter: string) {
  return adminAction(async (actor) => ({
    resources: await listResourceOptions(actor, nameArg(tenant), nameArg(track), { filter: String(filter).slice(0, 100) }),
  }));
}

/** Every token of the client issued before now becomes inactive in introspection; answers the new list. */
export async function revokeClientTokensAction(ref: PartyRefInput) {
  return adminAction(async (actor) => {
    await revokeClientTokens(actor, partyRefArg(ref));
    return { tokens: await listRevokedTokens(actor, partyRefArg(ref)) };
  });
}
