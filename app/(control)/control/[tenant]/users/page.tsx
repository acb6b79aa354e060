import type { Metadata } from "next";
import { usersOfTenantPage } from "@/components/users/page-users";
import { UsersScreen } from "@/components/users/users-screen";
import { PageHeader } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { hasAllTenants, MASTER } from "@/lib/tenancy";
import { load } from "../../_lib/load";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

/** The administrators of the tenant in the URL, as /api/control/{tenant}/admin-users lists them. */
export default async function UsersPage({ params }: { params: Promise<{ tenant: string }> }) {
  const tenant = (await params).tenant.toLowerCase();
  const actor = await requireAdmin();
  const users = await load(usersOfTenantPage(actor, tenant));
  const allTenants = hasAllTenants(actor);
  const others = !allTenants ? "" : tenant === MASTER ? " and the all-tenant accounts" : ` and, read-only, the all-tenant accounts (managed in tenant ${MASTER})`;
  return (
    <div className="space-y-5">
      <PageHeader
        title="Users"
        description={`The administrators of tenant ${tenant}${others}. An all-tenant administrator manages everything; a tenant administrator one tenant; a viewer only reads.`}
      />
      <UsersScreen initial={users} me={actor.id} tenant={tenant} allTenants={allTenants} />
    </div>
  );
}
