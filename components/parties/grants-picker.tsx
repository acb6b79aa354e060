"use client";

import { FieldError } from "@/components/ui/field";

export type ResourceOption = { name: string; scopes: string[] };
export type Grant = { resource: string; scopes?: string[] };

/** Granted resources and scopes, picked from the track's real resources and their scopes. */
export function GrantsPicker({
  resources,
  value,
  onChange,
  error,
}: {
  resources: ResourceOption[];
  value: Grant[];
  onChange: (v: Grant[]) => void;
  error?: string;
}) {
  const granted = (r: string) => value.find((g) => g.resource === r);

  function setResource(r: string, on: boolean) {
    onChange(on ? [...value, { resource: r, scopes: [] }] : value.filter((g) => g.resource !== r));
  }

  function setScope(r: string, scope: string, on: boolean) {
    const g = granted(r);
    const scopes = new Set(g?.scopes ?? []);
    if (on) scopes.add(scope);
    else scopes.delete(scope);
    const next = { resource: r, scopes: [...scopes].sort() };
    onChange(g ? value.map((x) => (x.resource === r ? next : x)) : [...value, next]);
  }

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Resources and scopes the client may ask for</legend>
      {resources.length === 0 ? (
        <p className="text-sm text-slate-600">This track has no resources yet. Create an OAuth 2.0 resource (API) first, then grant it here.</p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {resources.map((r) => {
            const g = granted(r.name);
            return (
              <li key={r.name} className="flex flex-col gap-2 px-3 py-2 sm:flex-row sm:items-start">
                <label className="flex w-56 shrink-0 items-center gap-2 text-sm font-medium">
                  <input type="checkbox" checked={Boolean(g)} onChange={(e) => setResource(r.name, e.target.checked)} />
                  {r.name}
                </label>
                <div className="flex flex-wrap gap-x-4 gap-y-1" role="group" aria-label={`Scopes of ${r.name}`}>
                  {r.scopes.map((s) => (
                    <label key={s} className="flex items-center gap-1.5 text-sm">
                      <input
                        type="checkbox"
                        aria-label={`${r.name}:${s}`}
                        checked={Boolean(g?.scopes?.includes(s))}
                        onChange={(e) => setScope(r.name, s, e.target.checked)}
                      />
                      <code className="text-xs">{s}</code>
                    </label>
                  ))}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <FieldError message={error} />
    </fieldset>
  );
}
