"use client";

import { useEffect, useState } from "react";
import { FieldError } from "@/components/ui/field";
import type { ResourceOption, ResourceOptions } from "@/lib/control";
import { searchResourcesAction } from "./actions";

export type { ResourceOption, ResourceOptions };
export type Grant = { resource: string; scopes?: string[] };

/**
 * Granted resources and scopes, picked from the track's real resources and their scopes. A track may
 * hold thousands: the page brings the first 50 (and the granted ones), and a search asks the server.
 */
export function GrantsPicker({
  tenant,
  track,
  resources,
  exclude,
  value,
  onChange,
  error,
}: {
  tenant: string;
  track: string;
  resources: ResourceOptions;
  /** the party's own name: its own resource is not granted here */
  exclude?: string;
  value: Grant[];
  onChange: (v: Grant[]) => void;
  error?: string;
}) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<ResourceOptions | null>(null);
  const [searchError, setSearchError] = useState<string>();
  // every resource seen so far (the page's and the searches'), so a granted one stays in view
  const [seen, setSeen] = useState<ResourceOption[]>([]);
  const granted = (r: string) => value.find((g) => g.resource === r);

  useEffect(() => {
    const q = query.trim();
    if (!q) return;
    let current = true;
    const timer = setTimeout(async () => {
      const r = await searchResourcesAction(tenant, track, q);
      if (!current) return;
      if (!r.ok) return setSearchError(r.message);
      setSearchError(undefined);
      setSeen((before) => [...before, ...r.resources.options].slice(-500));
      setFound(r.resources);
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, tenant, track]);

  function onQuery(q: string) {
    setQuery(q.slice(0, 100));
    if (!q.trim()) setFound(null);
  }

  const listed = (query.trim() && found ? found : resources).options;
  const known = new Map([...resources.options, ...seen].map((r) => [r.name, r]));
  const grantedElsewhere = value
    .map((g) => known.get(g.resource))
    .filter((r): r is ResourceOption => !!r && !listed.some((l) => l.name === r.name));
  const shown = [...grantedElsewhere, ...listed].filter((r) => r.name !== exclude);
  const searchable = resources.more || query !== "";

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
      {searchable && (
        <div className="space-y-1">
          <label htmlFor="resource-search" className="text-sm text-slate-600">
            The track has more resources than are listed: search by name to find one.
          </label>
          <input
            id="resource-search"
            type="search"
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            placeholder="Search resources"
            className="w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm"
          />
          <FieldError message={searchError} />
        </div>
      )}
      {shown.length === 0 ? (
        <p className="text-sm text-slate-600">
          {query
            ? `No resource matches “${query}”.`
            : "This track has no resources yet. Create an OAuth 2.0 resource (API) first, then grant it here."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-100 rounded-md border border-slate-200">
          {shown.map((r) => {
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
      {(query.trim() && found ? found : resources).more && <p className="text-xs text-slate-500">Only the first matches are shown; type more of the name to narrow them.</p>}
      <FieldError message={error} />
    </fieldset>
  );
}
