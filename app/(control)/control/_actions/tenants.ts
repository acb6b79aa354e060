"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { createTenant, createTrack, deleteTrack, updateTrack } from "@/lib/control";
import type { TenantCreateInput, TrackCreateInput, TrackUpdateInput } from "@/lib/validation";

export async function createTenantAction(input: TenantCreateInput) {
  return adminAction(async (actor) => ({ tenant: await createTenant(actor, input) }));
}

export async function createTrackAction(tenant: string, input: TrackCreateInput) {
  return adminAction(async (actor) => ({ track: await createTrack(actor, tenant, input) }));
}

export async function updateTrackAction(tenant: string, track: string, input: TrackUpdateInput) {
  return adminAction(async (actor) => ({ track: await updateTrack(actor, tenant, track, input) }));
}

export async function deleteTrackAction(tenant: string, track: string) {
  return adminAction(async (actor) => {
    await deleteTrack(actor, tenant, track);
    return {};
  });
}
