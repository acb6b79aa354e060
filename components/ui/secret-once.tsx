"use client";

import { CopyButton } from "./copy-button";

/** A new secret, shown this one time: it is not stored anywhere it could be read back. */
export function SecretOnce({ secret, title = "New client secret", onDismiss }: { secret: string; title?: string; onDismiss?: () => void }) {
  return (
    <section aria-label={title} className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <div>
        <h3 className="font-semibold text-amber-900">{title}</h3>
        <p className="text-sm text-amber-900">
          Copy it now and store it safely. <strong>It will not be shown again</strong>: Fennec keeps only a hash.
        </p>
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          readOnly
          aria-label="Secret value"
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm"
        />
        <CopyButton value={secret} label="Copy secret" />
        {onDismiss && (
          <button type="button" onClick={onDismiss} className="text-sm text-amber-900 underline">
            I have stored it
          </button>
        )}
      </div>
    </section>
  );
}
