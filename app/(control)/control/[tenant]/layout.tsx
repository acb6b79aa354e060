import { Nav } from "@/components/frame/nav";
import { TopBar } from "@/components/frame/top-bar";
import { ReadOnlyProvider } from "@/components/ui/read-only";
import { requireAdmin } from "@/lib/auth/session";
import { listTenants, listTracks } from "@/lib/control";
import { canWrite } from "@/lib/tenancy";
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
    <ReadOnlyProvider canWrite={canWrite(actor)}>
      <div className="flex min-h-screen flex-col">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow">
          Skip to content
        </a>
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
    </ReadOnlyProvider>
  );
}
