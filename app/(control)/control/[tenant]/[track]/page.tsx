import { redirect } from "next/navigation";
import type { PageParams, TrackParams } from "../../_lib/load";

export default async function TrackHome({ params }: PageParams<TrackParams>) {
  const { tenant, track } = await params;
  redirect(`/control/${tenant}/${track}/applications`);
}
