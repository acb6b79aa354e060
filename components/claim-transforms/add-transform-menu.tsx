"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import { CLAIM_TRANSFORM_TYPES, TRANSFORM_TYPES, type ClaimTransformType } from "@/lib/claims";

/** "Add claim transform" opens a menu of the types, each with its one-line explanation. */
export function AddTransformMenu({ onAdd, disabled }: { onAdd: (type: ClaimTransformType) => void; disabled?: boolean }) {
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const close = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", close);
    return () => document.removeEventListener("mousedown", close);
  }, [open]);

  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>("[aria-haspopup]")?.focus();
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const next = (at + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
      items[next]?.focus();
    }
  };

  return (
    <div ref={root} className="relative inline-block" onKeyDown={onKeyDown}>
      <Button
        variant="secondary"
        size="sm"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        disabled={disabled}
        onClick={() => setOpen((o) => !o)}
      >
        + Add claim transform
      </Button>
      {open && (
        <div
          id={menuId}
          role="menu"
          aria-label="Claim transform types"
          className="absolute z-10 mt-1 w-96 max-w-[90vw] rounded-md border border-slate-200 bg-white p-1 shadow-lg"
        >
          {CLAIM_TRANSFORM_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              role="menuitem"
              className="block w-full rounded px-3 py-2 text-left hover:bg-orange-50 focus:bg-orange-50 focus:outline-none"
              onClick={() => {
                onAdd(type);
                setOpen(false);
              }}
            >
              <span className="block text-sm font-medium text-slate-900">{TRANSFORM_TYPES[type].label}</span>
              <span className="block text-xs text-slate-600">{TRANSFORM_TYPES[type].help}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
