"use server";

import { adminAction } from "@/lib/auth/admin-action";
import type { AdminActor } from "@/lib/auth/session";
import { createAdminUser, deleteAdminUser, listAdminUsers, resetAdminUserPassword, updateAdminUser } from "@/lib/control";
import { idArg, type AdminUserCreateInput } from "@/lib/validation";

// The scope is the administrator's own: every tenant's users for an all-tenant administrator, else their tenant's.
const users = async (actor: AdminActor) => (await listAdminUsers(actor, actor.tenant, { page_size: 500 })).data;

/** The one-time password, if any, is in this one response and nowhere else. */
export async function createUserAction(input: AdminUserCreateInput) {
  return adminAction(async (actor) => {
    const created = await createAdminUser(actor, actor.tenant, input);
    return { oneTimePassword: created.one_time_password, email: created.user.email, users: await users(actor) };
  });
}

export async function setUserDisabledAction(id: string, disabled: boolean) {
  return adminAction(async (actor) => {
    await updateAdminUser(actor, actor.tenant, idArg(id), { disabled: disabled === true });
    return { users: await users(actor) };
  });
}

export async function deleteUserAction(id: string) {
  return adminAction(async (actor) => {
    await deleteAdminUser(actor, actor.tenant, idArg(id));
    return { users: await users(actor) };
  });
}

export async function resetUserPasswordAction(id: string) {
  return adminAction(async (actor) => {
    const r = await resetAdminUserPassword(actor, actor.tenant, idArg(id));
    return { oneTimePassword: r.one_time_password, email: r.user.email, users: await users(actor) };
  });
}
