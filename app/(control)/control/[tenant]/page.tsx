import { redirect } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { listTracks } from "@/lib/control";
import { load, type PageParams } from "../_lib/load";

export const dynamic = "force-dynamic";

export default async function TenantHome({ params }: PageParams<{ tenant: string }>) {
  const { tenant } = await params;
  const actor = await requireAdmin();
  const tracks = (await load(listTracks(actor, tenant, { page_size: 500 }))).data.map((t) => t.name);
  const track = tracks.includes("master") ? "master" : tracks[0];
  redirect(`/control/${tenant.toLowerCase()}/${track}/applications`);
}
