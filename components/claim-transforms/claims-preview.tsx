"use client";

import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { isProtectedClaim, type Claim } from "@/lib/claims";

const key = (c: Claim) => `${c.type}\u0000${c.value}`;

/** Multiset difference: which claims of `a` are not in `b` (each of `b` accounts for one of `a`). */
function missingFrom(a: Claim[], b: Claim[]): boolean[] {
  const counts = new Map<string, number>();
  for (const c of b) counts.set(key(c), (counts.get(key(c)) ?? 0) + 1);
  return a.map((c) => {
    const left = counts.get(key(c)) ?? 0;
    if (left > 0) counts.set(key(c), left - 1);
    return left === 0;
  });
}

const cell = "w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs";

export function ClaimsPreview({
  sample,
  onSampleChange,
  onReset,
  result,
  limit,
  skipped,
}: {
  sample: Claim[];
  onSampleChange: (claims: Claim[]) => void;
  onReset: () => void;
  result: Claim[];
  /** why the transforms stopped (a limit on what a token may hold), or null */
  limit: string | null;
  skipped: number[];
}) {
  const input = sample.filter((c) => c.type.trim() && c.value !== "");
  const added = missingFrom(result, input);
  const gone = missingFrom(input, result);
  const removed = input.filter((_, i) => gone[i]);
  const update = (i: number, patch: Partial<Claim>) => onSampleChange(sample.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <section aria-labelledby="claims-preview-title" className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <h3 id="claims-preview-title" className="text-sm font-semibold text-slate-900">
        Live preview
      </h3>
      <p className="mb-3 text-xs text-slate-600">
        Try the transforms on sample claims. Nothing here is saved; the preview runs the same engine as the token route.
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <div>
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Sample input claims</h4>
          <ul className="space-y-1.5" aria-label="Sample input claims">
            {sample.map((c, i) => (
              <li key={i} className="flex gap-1.5">
                <input aria-label={`Sample claim ${i + 1} type`} className={cell} value={c.type} onChange={(e) => update(i, { type: e.target.value })} />
                <input aria-label={`Sample claim ${i + 1} value`} className={cell} value={c.value} onChange={(e) => update(i, { value: e.target.value })} />
                <Button variant="ghost" size="sm" aria-label={`Remove sample claim ${i + 1}`} onClick={() => onSampleChange(sample.filter((_, j) => j !== i))}>
                  ×
                </Button>
              </li>
            ))}
          </ul>
          <div className="mt-2 flex gap-2">
            <Button variant="secondary" size="sm" onClick={() => onSampleChange([...sample, { type: "", value: "" }])}>
              + Add sample claim
            </Button>
            <Button variant="ghost" size="sm" onClick={onReset}>
              Reset sample
            </Button>
          </div>
        </div>
        <div aria-live="polite">
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Resulting claims</h4>
          <table className="w-full rounded border border-slate-200 bg-white text-left text-xs" aria-label="Resulting claims">
            <thead className="bg-slate-100 text-slate-500">
              <tr>
                <th scope="col" className="px-2 py-1 font-medium">Claim</th>
                <th scope="col" className="px-2 py-1 font-medium">Value</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 font-mono">
              {result.map((c, i) => (
                <tr key={i} className={added[i] ? "bg-green-50" : undefined}>
                  <td className="px-2 py-1">{c.type}</td>
                  <td className="px-2 py-1 break-all">
                    {c.value}{" "}
                    {added[i] && <Badge tone="green">new</Badge>}
                    {isProtectedClaim(c.type) && <Badge>set by Fennec</Badge>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {removed.length > 0 && (
            <p className="mt-2 text-xs text-slate-600">
              Removed:{" "}
              {removed.map((c, i) => (
                <del key={i} className="mr-2 font-mono text-red-700">
                  {c.type}={c.value}
                </del>
              ))}
            </p>
          )}
          {limit && (
            <p role="alert" className="mt-2 text-xs font-medium text-red-800">
              {limit} Saving will be refused.
            </p>
          )}
          {skipped.length > 0 && (
            <p className="mt-2 text-xs text-amber-800">
              Not applied until fixed: transform {skipped.map((i) => i + 1).join(", ")}.
            </p>
          )}
        </div>
      </div>
    </section>
  );
}
