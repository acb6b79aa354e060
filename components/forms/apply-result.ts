"use client";

import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/auth/action-result";

type Toast = { success: (m: string) => void; error: (m: string) => void };

/**
 * Puts a server action's answer where the administrator looks: per-field errors next to their fields,
 * the message in a toast. Returns the successful result, or null.
 */
export function applyResult<T extends object, F extends FieldValues>(
  result: ActionResult<T>,
  opts: { toast: Toast; success?: string; setError?: UseFormSetError<F> },
): ({ ok: true } & T) | null {
  if (result.ok) {
    if (opts.success) opts.toast.success(opts.success);
    return result;
  }
  for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
    opts.setError?.(field as Path<F>, { type: "server", message });
  }
  opts.toast.error(result.message);
  return null;
}
