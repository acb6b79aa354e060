"use client";

import Link from "next/link";
import { useParams, usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { signOut } from "next-auth/react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/field";
import { ReadOnlyBadge, WriteOnly } from "@/components/ui/read-only";
import { FennecMark } from "./fennec-mark";
import { NewTenantDialog } from "./new-tenant-dialog";
import { NewTrackDialog } from "./new-track-dialog";

export type FrameProps = {
  tenant: string;
  tenants: string[];
  tracks: string[];
  admin: { email: string; allTenants: boolean };
};

/** The track a tenant-level page (audit, settings) links back to: the one in the URL, else master, else the first. */
export function useCurrentTrack(tracks: string[]): string {
  const params = useParams<{ track?: string }>();
  return params.track ?? (tracks.includes("master") ? "master" : tracks[0]);
}

export function TopBar({ tenant, tenants, tracks, admin }: FrameProps) {
  const router = useRouter();
  const pathname = usePathname();
  const track = useCurrentTrack(tracks);
  const [dialog, setDialog] = useState<"tenant" | "track" | null>(null);
  const section = pathname.split("/")[4] ?? "applications";
  const trackSection = ["applications", "signing-keys"].includes(section) ? section : "applications";

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2.5">
        <Link href="/control" className="flex items-center gap-2 font-semibold">
          <FennecMark />
          <span>Fennec</span>
        </Link>
        <div className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            Tenant
            <Select
              aria-label="Tenant"
              value={tenant}
              onChange={(e) => router.push(`/control/${e.target.value}`)}
              className="w-auto py-1"
            >
              {tenants.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </label>
          {admin.allTenants && (
            <WriteOnly>
              <Button variant="ghost" size="sm" onClick={() => setDialog("tenant")}>
                + New tenant
              </Button>
            </WriteOnly>
          )}
          <label className="flex items-center gap-1.5 text-sm text-slate-600">
            Track
            <Select
              aria-label="Track"
              value={track}
              onChange={(e) => router.push(`/control/${tenant}/${e.target.value}/${trackSection}`)}
              className="w-auto py-1"
            >
              {tracks.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </Select>
          </label>
          <WriteOnly>
            <Button variant="ghost" size="sm" onClick={() => setDialog("track")}>
              + New track
            </Button>
          </WriteOnly>
        </div>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <span className="hidden text-slate-600 sm:inline" title="Signed in as">
            {admin.email}
          </span>
          <ReadOnlyBadge />
          <Link href="/control/account" className="text-slate-700 underline-offset-2 hover:underline">
            Your account
          </Link>
          <Button
            variant="secondary"
            size="sm"
            onClick={async () => {
              await signOut({ redirect: false });
              // A full load, so that no admin page stays in the client router's cache after sign-out.
              // eslint-disable-next-line @next/next/no-location-assign-relative-destination
              window.location.assign("/signin");
            }}
          >
            Sign out
          </Button>
        </div>
      </div>
      <NewTenantDialog open={dialog === "tenant"} onClose={() => setDialog(null)} />
      <NewTrackDialog tenant={tenant} open={dialog === "track"} onClose={() => setDialog(null)} />
    </header>
  );
}
