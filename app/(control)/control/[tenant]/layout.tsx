import { Nav } from "@/components/frame/nav";
import { TopBar } from "@/components/frame/top-bar";
import { requireAdmin } from "@/lib/auth/session";
import { listTenants, listTracks } from "@/lib/control";
import { load } from "../_lib/load";

export const dynamic = "force-dynamic";

export default async function TenantFrame({ children, params }: { children: React.ReactNode; params: Promise<{ tenant: string }> }) {
  const { tenant: raw } = await params;
  const tenant = raw.toLowerCase();
  const actor = await requireAdmin();
  const [tenants, tracks] = await Promise.all([
    listTenants(actor, { page_size: 500 }),
    load(listTracks(actor, tenant, { page_size: 500 })),
  ]);
  const trackNames = tracks.data.map((t) => t.name);
  return (
    <div className="flex min-h-screen flex-col">
      <TopBar
        tenant={tenant}
        tenants={tenants.data.map((t) => t.name)}
        tracks={trackNames}
        admin={{ email: actor.email, allTenants: actor.tenant === null }}
      />
      <Nav tenant={tenant} tracks={trackNames} />
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
