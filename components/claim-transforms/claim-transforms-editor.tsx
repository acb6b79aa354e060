"use client";

import { useMemo, useState } from "react";
import { FieldError } from "@/components/ui/field";
import { ReadOnlyFieldset, WriteOnly } from "@/components/ui/read-only";
import { runClaimTransforms, PROTECTED_CLAIMS, type Claim, type ClaimTransform, type ClaimTransformType } from "@/lib/claims";
import { AddTransformMenu } from "./add-transform-menu";
import { ClaimsPreview } from "./claims-preview";
import {
  clientErrors,
  defaultSampleClaims,
  flattenErrors,
  newTransform,
  renumber,
  runnable,
  type EditorErrorsProp,
} from "./editor-model";
import { TransformCard } from "./transform-card";

const MAX = 100;
let nextId = 0;
const freshId = () => `ct-${++nextId}`;

/**
 * Edits a party's ordered claim transforms, with a live preview that runs the token route's engine in
 * the browser. `errors` takes the Control API's per-field list (`claim_transforms.0.transformation`)
 * or react-hook-form's nested errors; they show until the list is edited.
 */
export function ClaimTransformsEditor({
  value,
  onChange,
  errors,
  clientId,
  sampleClaims,
}: {
  value: ClaimTransform[];
  onChange: (value: ClaimTransform[]) => void;
  errors?: EditorErrorsProp;
  clientId?: string;
  sampleClaims?: Claim[];
}) {
  const [sample, setSample] = useState<Claim[]>(() => sampleClaims ?? defaultSampleClaims(clientId));
  // stable keys, so that focus and touched state follow a transform when it moves
  const [keys, setKeys] = useState<string[]>(() => value.map(() => freshId()));
  let ids = keys;
  if (keys.length !== value.length) {
    ids = value.map((_, i) => keys[i] ?? freshId());
    setKeys(ids);
  }
  const [touched, setTouched] = useState<Set<string>>(new Set());

  const serverErrors = useServerErrors(errors, value);
  const localErrors = useMemo(() => clientErrors(value), [value]);
  const { transforms, skipped } = useMemo(() => runnable(value), [value]);
  const run = useMemo(() => {
    const input = sample.filter((c) => c.type.trim() && c.value !== "");
    const r = runClaimTransforms(input, transforms);
    if (r.ok) return { result: r.claims, limit: null };
    // the engine counts runnable transforms; the editor numbers every transform in the list
    const position = value.map((_, i) => i).filter((i) => !skipped.includes(i))[r.index] ?? r.index;
    return { result: input, limit: `Transform ${position + 1} stops the token: ${r.message}` };
  }, [sample, transforms, value, skipped]);

  const errorsFor = (i: number): Record<string, string> => {
    const own: Record<string, string> = {};
    const add = (field: string, message: string) => {
      const [head, ...rest] = field.split(".");
      if (head === String(i) && own[rest.join(".")] === undefined) own[rest.join(".")] = message;
    };
    serverErrors.forEach((e) => add(e.field, e.message));
    if (touched.has(ids[i])) localErrors.forEach((e) => add(e.field, e.message));
    return own;
  };
  const listError = [...serverErrors, ...localErrors].find((e) => e.field === "")?.message;

  const commit = (next: ClaimTransform[], nextIds: string[]) => {
    setKeys(nextIds);
    onChange(renumber(next));
  };
  const add = (type: ClaimTransformType) => {
    const id = freshId();
    commit([...value, newTransform(type, value.length + 1)], [...ids, id]);
    setTimeout(() => document.getElementById(id)?.querySelector<HTMLElement>("select, input")?.focus(), 0);
  };
  const move = (i: number, delta: -1 | 1) => {
    const j = i + delta;
    const next = [...value];
    const nextIds = [...ids];
    [next[i], next[j]] = [next[j], next[i]];
    [nextIds[i], nextIds[j]] = [nextIds[j], nextIds[i]];
    commit(next, nextIds);
  };

  return (
    <div className="space-y-4">
      <div className="space-y-1 text-sm text-slate-700">
        <p>
          Claim transforms run in order each time this client gets a token: after the standard claims are set, before the
          token is signed. Use the arrows to change the order.
        </p>
        <p className="text-xs text-slate-600">
          {PROTECTED_CLAIMS.join(", ")} are set by Fennec: a transform may read them but cannot change them.
        </p>
      </div>

      {value.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          No claim transforms: tokens carry the standard claims only.
        </p>
      ) : (
        <ReadOnlyFieldset>
          <ol className="space-y-3" aria-label="Claim transforms">
            {value.map((t, i) => (
                <TransformCard
                  key={ids[i]}
                  id={ids[i]}
                  transform={t}
                  index={i}
                  count={value.length}
                  errors={errorsFor(i)}
                  onChange={(nt) => commit(value.map((x, j) => (j === i ? nt : x)), ids)}
                  onMove={(d) => move(i, d)}
                  onRemove={() => commit(value.filter((_, j) => j !== i), ids.filter((_, j) => j !== i))}
                  onTouched={() => setTouched((s) => (s.has(ids[i]) ? s : new Set(s).add(ids[i])))}
                />
            ))}
          </ol>
        </ReadOnlyFieldset>
      )}
      <FieldError message={listError} />
      <WriteOnly>
        <AddTransformMenu onAdd={add} disabled={value.length >= MAX} />
      </WriteOnly>

      <ClaimsPreview
        sample={sample}
        onSampleChange={setSample}
        onReset={() => setSample(sampleClaims ?? defaultSampleClaims(clientId))}
        result={run.result}
        limit={run.limit}
        skipped={skipped}
      />
    </div>
  );
}

/** Server errors describe the list as it was saved: hide them as soon as it is edited. */
function useServerErrors(errors: EditorErrorsProp, value: ClaimTransform[]) {
  const json = JSON.stringify(value);
  const [snapshot, setSnapshot] = useState({ errors, json });
  if (snapshot.errors !== errors) setSnapshot({ errors, json });
  const flat = useMemo(() => flattenErrors(errors), [errors]);
  return snapshot.errors !== errors || snapshot.json === json ? flat : [];
}
