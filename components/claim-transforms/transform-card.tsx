"use client";

import { Button } from "@/components/ui/button";
import { WriteOnly } from "@/components/ui/read-only";
import { Field, FieldError, Input, Select } from "@/components/ui/field";
import {
  ACTION_LABELS,
  TRANSFORM_TYPES,
  fieldsInUse,
  isForcedReplaceClaim,
  isProtectedClaim,
  type ClaimTransform,
  type ClaimTransformAction,
} from "@/lib/claims";

export function TransformCard({
  id,
  transform: t,
  index,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
  onTouched,
}: {
  id: string;
  transform: ClaimTransform;
  index: number;
  count: number;
  errors: Record<string, string>;
  onChange: (t: ClaimTransform) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  onTouched: () => void;
}) {
  const n = index + 1;
  const info = TRANSFORM_TYPES[t.type];
  const show = fieldsInUse(t.type, t.action);
  const transformation = info.transformation;
  const out = t.claims_out[0] ?? "";
  const set = (patch: Partial<ClaimTransform>) => onChange({ ...t, ...patch });
  const outError =
    errors["claims_out.0"] ??
    errors["claims_out"] ??
    (isProtectedClaim(out.trim()) ? `'${out.trim()}' is set by Fennec and cannot be changed by a claim transform.` : undefined);
  const inError = errors["claims_in"] ?? Object.entries(errors).find(([k]) => k.startsWith("claims_in."))?.[1];
  const forcedReplace = t.action === "add" && isForcedReplaceClaim(out.trim());

  return (
    <li id={id} className="rounded-lg border border-slate-200 bg-white p-4" onBlur={onTouched}>
      <fieldset className="space-y-3">
        <legend className="sr-only">{`Transform ${n}: ${info.label}`}</legend>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <p className="text-sm font-semibold text-slate-900" aria-hidden="true">
              {n}. {info.label}
            </p>
            <p className="text-xs text-slate-600">{info.help}</p>
          </div>
          <WriteOnly>
            <div className="flex gap-1">
              <Button variant="ghost" size="sm" aria-label={`Move transform ${n} up`} disabled={index === 0} onClick={() => onMove(-1)}>
                ↑
              </Button>
              <Button variant="ghost" size="sm" aria-label={`Move transform ${n} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
                ↓
              </Button>
              <Button variant="ghost" size="sm" aria-label={`Remove transform ${n}`} onClick={onRemove}>
                Remove
              </Button>
            </div>
          </WriteOnly>
        </div>

        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Action" error={errors["action"]}>
            <Select value={t.action} onChange={(e) => set({ action: e.target.value as ClaimTransformAction })}>
              {info.actions.map((a) => (
                <option key={a} value={a}>
                  {ACTION_LABELS[a]}
                </option>
              ))}
            </Select>
          </Field>
          {show.claimsIn && (
            <Field
              label={show.manyIn ? "Input claims" : "Input claim"}
              hint={show.manyIn ? "Comma-separated, in {0}, {1} order." : undefined}
              error={inError}
            >
              <Input
                value={show.manyIn ? t.claims_in.join(",") : (t.claims_in[0] ?? "")}
                placeholder={show.manyIn ? "e.g. sub,email" : "e.g. email"}
                onChange={(e) => set({ claims_in: show.manyIn ? e.target.value.split(",") : [e.target.value] })}
              />
            </Field>
          )}
          <Field
            label={t.action === "remove" ? "Claim to remove" : "Output claim"}
            hint={forcedReplace ? `Runs as replace: ${out.trim()} holds a single value.` : undefined}
            error={outError}
          >
            <Input value={out} placeholder="e.g. role" onChange={(e) => set({ claims_out: [e.target.value] })} />
          </Field>
          {show.transformation && transformation && (
            <Field
              label={t.action === "remove" && transformation.removeLabel ? transformation.removeLabel : transformation.label}
              hint={transformation.hint}
              error={errors["transformation"]}
            >
              <Input
                value={t.transformation ?? ""}
                className={transformation.syntax ? "font-mono" : undefined}
                onChange={(e) => set({ transformation: e.target.value })}
              />
            </Field>
          )}
          {show.extension && (
            <Field label="New value" error={errors["transformation_extension"]}>
              <Input value={t.transformation_extension ?? ""} onChange={(e) => set({ transformation_extension: e.target.value })} />
            </Field>
          )}
        </div>
        <FieldError message={errors[""] ?? errors["order"] ?? errors["name"] ?? errors["type"]} />
      </fieldset>
    </li>
  );
}
