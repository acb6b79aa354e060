"use client";

import { useRef } from "react";
import { Button } from "@/components/ui/button";
import { WriteOnly } from "@/components/ui/read-only";
import { FieldError } from "@/components/ui/field";

type ScopeErrors = { message?: string; root?: { message?: string } } & Record<number, { message?: string } | undefined>;

/** Scopes edited inline: one row each, add and remove; shows how a client asks for them. */
export function ScopeListEditor({
  partyName,
  value,
  onChange,
  errors,
}: {
  partyName: string;
  value: string[];
  onChange: (v: string[]) => void;
  errors?: ScopeErrors;
}) {
  const list = useRef<HTMLDivElement>(null);
  const focusRow = (i: number) => setTimeout(() => list.current?.querySelectorAll("input")[i]?.focus(), 0);
  const listError = errors?.message ?? errors?.root?.message;
  const asked = value.map((s) => s.trim()).filter(Boolean);

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Scopes</legend>
      <div ref={list} className="space-y-2">
        {value.map((scope, i) => (
          <div key={i}>
            <div className="flex gap-2">
              <input
                aria-label={`Scope ${i + 1}`}
                value={scope}
                aria-invalid={errors?.[i]?.message ? true : undefined}
                onChange={(e) => onChange(value.map((s, j) => (j === i ? e.target.value : s)))}
                onKeyDown={(e) => {
                  if (e.key === "Enter") {
                    e.preventDefault();
                    onChange([...value, ""]);
                    focusRow(value.length);
                  }
                }}
                placeholder="e.g. read"
                className="w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm aria-[invalid=true]:border-red-500"
              />
              <WriteOnly>
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove scope ${scope || i + 1}`}
                  onClick={() => {
                    onChange(value.filter((_, j) => j !== i));
                    focusRow(Math.max(0, i - 1));
                  }}
                >
                  Remove
                </Button>
              </WriteOnly>
            </div>
            <FieldError message={errors?.[i]?.message} />
          </div>
        ))}
      </div>
      <WriteOnly>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            onChange([...value, ""]);
            focusRow(value.length);
          }}
        >
          + Add scope
        </Button>
      </WriteOnly>
      <FieldError message={listError} />
      {asked.length > 0 && (
        <p className="text-sm text-slate-600">
          Clients ask for:{" "}
          {asked.map((s) => (
            <code key={s} className="mr-1 rounded bg-slate-100 px-1.5 py-0.5 text-xs">
              {partyName || "name"}:{s}
            </code>
          ))}
        </p>
      )}
    </fieldset>
  );
}
