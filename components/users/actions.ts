"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { createAdminUser, deleteAdminUser, resetAdminUserPassword, updateAdminUser } from "@/lib/control";
import { idArg, nameArg, type AdminUserCreateInput } from "@/lib/validation";
import { usersOfTenantPage } from "./page-users";

// `tenant` is the Users page's tenant; `scope` is where the user is managed: their tenant, or null for an
// all-tenant account (lib/control refuses that scope to anyone who is not an all-tenant administrator).
const scopeArg = (scope: unknown) => (scope === null ? null : nameArg(scope));

/** The one-time password, if any, is in this one response and nowhere else. */
export async function createUserAction(tenant: string, input: AdminUserCreateInput) {
  return adminAction(async (actor) => {
    const page = nameArg(tenant);
    const created = await createAdminUser(actor, input?.tenant === null ? null : page, input);
    return { oneTimePassword: created.one_time_password, email: created.user.email, users: await usersOfTenantPage(actor, page) };
  });
}

export async function setUserDisabledAction(tenant: string, scope: string | null, id: string, disabled: boolean) {
  return adminAction(async (actor) => {
    await updateAdminUser(actor, scopeArg(scope), idArg(id), { disabled: disabled === true });
    return { users: await usersOfTenantPage(actor, nameArg(tenant)) };
  });
}

export async function deleteUserAction(tenant: string, scope: string | null, id: string) {
  return adminAction(async (actor) => {
    await deleteAdminUser(actor, scopeArg(scope), idArg(id));
    return { users: await usersOfTenantPage(actor, nameArg(tenant)) };
  });
}

export async function resetUserPasswordAction(tenant: string, scope: string | null, id: string) {
  return adminAction(async (actor) => {
    const r = await resetAdminUserPassword(actor, scopeArg(scope), idArg(id));
    return { oneTimePassword: r.one_time_password, email: r.user.email, users: await usersOfTenantPage(actor, nameArg(tenant)) };
  });
}
