"use client";

import { Button } from "@/components/ui/button";
import { Field, FieldError, Input, Select } from "@/components/ui/field";
import {
  ACTIONS_BY_TYPE,
  ACTION_LABELS,
  TYPE_HELP,
  TYPE_LABELS,
  isForcedReplaceClaim,
  isProtectedClaim,
  type ClaimTransform,
  type ClaimTransformAction,
} from "@/lib/claims";

const TRANSFORMATION_LABEL: Record<ClaimTransform["type"], string> = {
  constant: "Value",
  match_claim: "New value",
  match: "Value to match",
  reg_ex_match: "Regular expression",
  map: "",
  reg_ex_map: "Regular expression",
  concatenate: "Format string",
};

const TRANSFORMATION_HINT: Partial<Record<ClaimTransform["type"], string>> = {
  reg_ex_match: "Case-insensitive, matches anywhere in the value. RE2 syntax: no lookaround or backreferences.",
  reg_ex_map: "Needs a named group, e.g. ^(?<map>[^@]+)@ takes what comes before the @.",
  concatenate: "{0} is the first value of the first input claim, {1} of the second; {{ and }} are literal braces.",
};

function uses(t: ClaimTransform) {
  const removing = t.action === "remove";
  return {
    claimsIn: t.type !== "constant" && !removing,
    manyIn: t.type === "concatenate",
    transformation: t.type !== "map" && !(removing && t.type === "match_claim"),
    extension: (t.type === "match" || t.type === "reg_ex_match") && !removing,
  };
}

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
  const show = uses(t);
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
        <legend className="sr-only">{`Transform ${n}: ${TYPE_LABELS[t.type]}`}</legend>
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <p className="text-sm font-semibold text-slate-900" aria-hidden="true">
              {n}. {TYPE_LABELS[t.type]}
            </p>
            <p className="text-xs text-slate-600">{TYPE_HELP[t.type]}</p>
          </div>
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
        </div>

        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Action" error={errors["action"]}>
            <Select value={t.action} onChange={(e) => set({ action: e.target.value as ClaimTransformAction })}>
              {ACTIONS_BY_TYPE[t.type].map((a) => (
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
          {show.transformation && (
            <Field
              label={t.action === "remove" && t.type === "match" ? "Value to remove" : TRANSFORMATION_LABEL[t.type]}
              hint={TRANSFORMATION_HINT[t.type]}
              error={errors["transformation"]}
            >
              <Input
                value={t.transformation ?? ""}
                className={t.type.startsWith("reg_ex") || t.type === "concatenate" ? "font-mono" : undefined}
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
