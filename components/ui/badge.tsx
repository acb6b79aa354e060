import type { ReactNode } from "react";
import { cn } from "./cn";

const tones = {
  slate: "bg-slate-100 text-slate-700 ring-slate-200",
  orange: "bg-orange-50 text-orange-800 ring-orange-200",
  blue: "bg-sky-50 text-sky-800 ring-sky-200",
  green: "bg-green-50 text-green-800 ring-green-200",
  red: "bg-red-50 text-red-800 ring-red-200",
  violet: "bg-violet-50 text-violet-800 ring-violet-200",
} as const;

export function Badge({ tone = "slate", children }: { tone?: keyof typeof tones; children: ReactNode }) {
  return (
    <span className={cn("inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset", tones[tone])}>
      {children}
    </span>
  );
}
