import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "./cn";

export function Table({ caption, children, className }: { caption?: string; children: ReactNode; className?: string }) {
  return (
    <div className={cn("overflow-x-auto rounded-lg border border-slate-200 bg-white", className)}>
      <table className="w-full text-left text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        {children}
      </table>
    </div>
  );
}

export const THead = (p: HTMLAttributes<HTMLTableSectionElement>) => (
  <thead {...p} className={cn("border-b border-slate-200 bg-slate-50 text-xs uppercase tracking-wide text-slate-600", p.className)} />
);
export const TBody = (p: HTMLAttributes<HTMLTableSectionElement>) => (
  <tbody {...p} className={cn("divide-y divide-slate-100", p.className)} />
);
export const Th = (p: ThHTMLAttributes<HTMLTableCellElement>) => (
  <th scope="col" {...p} className={cn("px-4 py-2 font-medium", p.className)} />
);
export const Td = (p: TdHTMLAttributes<HTMLTableCellElement>) => (
  <td {...p} className={cn("px-4 py-2.5 align-top", p.className)} />
);
