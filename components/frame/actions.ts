"use server";

import { revalidatePath } from "next/cache";
import { adminAction } from "@/lib/auth/admin-action";
import { createTenant, createTrack, deleteTrack, updateTrack } from "@/lib/control";
import { nameArg, type TenantCreateInput, type TrackCreateInput, type TrackUpdateInput } from "@/lib/validation";

// The frame's tenant and track selectors are rendered by the tenant layout, which must see the change.
const refreshFrame = () => revalidatePath("/control", "layout");

export async function createTenantAction(input: TenantCreateInput) {
  return adminAction(async (actor) => {
    const tenant = await createTenant(actor, input);
    refreshFrame();
    return { tenant };
  });
}

export async function createTrackAction(tenant: string, input: TrackCreateInput) {
  return adminAction(async (actor) => {
    const track = await createTrack(actor, nameArg(tenant), input);
    refreshFrame();
    return { track };
  });
}

export async function updateTrackAction(tenant: string, track: string, input: TrackUpdateInput) {
  return adminAction(async (actor) => ({ track: await updateTrack(actor, nameArg(tenant), nameArg(track), input) }));
}

export async function deleteTrackAction(tenant: string, track: string) {
  return adminAction(async (actor) => {
    await deleteTrack(actor, nameArg(tenant), nameArg(track));
    refreshFrame();
    return {};
  });
}
