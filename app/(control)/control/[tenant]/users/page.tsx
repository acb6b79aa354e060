import type { Metadata } from "next";
import { UsersScreen } from "@/components/users/users-screen";
import { PageHeader } from "@/components/ui/card";
import { requireAdmin } from "@/lib/auth/session";
import { listAdminUsers, listTenants } from "@/lib/control";
import { canWrite } from "@/lib/tenancy";
import { load } from "../../_lib/load";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

/** An all-tenant administrator sees every tenant's administrators; anyone else their own tenant's. */
export default async function UsersPage() {
  const actor = await requireAdmin();
  const [users, tenants] = await Promise.all([
    load(listAdminUsers(actor, actor.tenant, { page_size: 500 })),
    listTenants(actor, { page_size: 500 }),
  ]);
  const scope = actor.tenant === null ? "every tenant" : `tenant ${actor.tenant}`;
  return (
    <div className="space-y-5">
      <PageHeader
        title="Users"
        description={`The administrators of ${scope}. An all-tenant administrator manages everything; a tenant administrator one tenant; a viewer only reads.`}
      />
      <UsersScreen
        initial={users.data}
        me={actor.id}
        canWrite={canWrite(actor)}
        ownTenant={actor.tenant}
        tenants={tenants.data.map((t) => t.name)}
      />
    </div>
  );
}
