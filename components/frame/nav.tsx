"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/components/ui/cn";
import { useCurrentTrack } from "./top-bar";

export function Nav({ tenant, tracks }: { tenant: string; tracks: string[] }) {
  const pathname = usePathname();
  const track = useCurrentTrack(tracks);
  const items = [
    { href: `/control/${tenant}/${track}/applications`, label: "Applications" },
    { href: `/control/${tenant}/${track}/usage`, label: "Usage" },
    { href: `/control/${tenant}/${track}/signing-keys`, label: "Signing keys" },
    { href: `/control/${tenant}/audit`, label: "Audit log" },
    { href: `/control/${tenant}/users`, label: "Users" },
    { href: `/control/${tenant}/settings`, label: "Settings" },
  ];
  return (
    <nav aria-label="Sections" className="border-b border-slate-200 bg-slate-50">
      <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-4">
        {items.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.label}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap",
                  active ? "border-orange-600 text-orange-700" : "border-transparent text-slate-600 hover:text-slate-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
