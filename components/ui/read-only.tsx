"use client";

import { createContext, useContext, type ReactNode } from "react";
import { cn } from "./cn";

// Whether the signed-in administrator may change anything (README "Admin users and roles"). The control
// layout reads it from the session on the server and provides it once; every write control asks here.
// Hiding is a convenience: the server refuses a viewer's write whatever the page shows. Without a
// provider the answer is "read-only", so a screen that forgets one shows too little, never too much.
const CanWrite = createContext(false);

export function ReadOnlyProvider({ canWrite, children }: { canWrite: boolean; children?: ReactNode }) {
  return <CanWrite.Provider value={canWrite}>{children}</CanWrite.Provider>;
}

export const useCanWrite = () => useContext(CanWrite);

/** Rendered only for an administrator who may write: create, delete, rotate, upload, import, save. */
export function WriteOnly({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }) {
  return useCanWrite() ? children : fallback;
}

/** A form's fields, disabled for a viewer: they still show their values, and nothing can be typed or ticked. */
export function ReadOnlyFieldset({ children, className }: { children: ReactNode; className?: string }) {
  const canWrite = useCanWrite();
  return (
    <fieldset disabled={!canWrite} className={cn("min-w-0 border-0 p-0", className)}>
      {children}
    </fieldset>
  );
}

/** Next to the account menu, so a viewer knows why there is nothing to click. */
export function ReadOnlyBadge() {
  if (useCanWrite()) return null;
  return (
    <span
      title="Your account may read every page of its scope and change nothing."
      className="inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-300 ring-inset"
    >
      Read-only
    </span>
  );
}
