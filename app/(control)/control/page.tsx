import { redirect } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { requireAdmin } from "@/lib/auth/session";
import { listTenants } from "@/lib/control";

export const dynamic = "force-dynamic";

/** /control: the admin's own tenant, or master for a master administrator. */
export default async function ControlHome() {
  const actor = await requireAdmin();
  const tenants = (await listTenants(actor, { page_size: 500 })).data.map((t) => t.name);
  const tenant = actor.tenant ?? (tenants.includes("master") ? "master" : tenants[0]);
  if (!tenant) {
    return (
      <main className="p-8">
        <EmptyState title="No tenant">Your account has no tenant to manage. Ask a master administrator.</EmptyState>
      </main>
    );
  }
  redirect(`/control/${tenant}`);
}
