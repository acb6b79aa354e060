"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { deleteTrackAction, updateTrackAction } from "@/components/frame/actions";
import { applyResult } from "@/components/forms/apply-result";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { ReadOnlyFieldset, WriteOnly } from "@/components/ui/read-only";
import { useToast } from "@/components/ui/toast";
import type { TrackView } from "@/lib/control";
import { trackUpdateSchema } from "@/lib/validation";

type In = z.input<typeof trackUpdateSchema>;
type Out = z.output<typeof trackUpdateSchema>;

export function TrackSettings({ tenant, track }: { tenant: string; track: TrackView }) {
  const router = useRouter();
  const toast = useToast();
  const [confirm, setConfirm] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(trackUpdateSchema),
    defaultValues: {
      display_name: track.display_name ?? "",
      signing_algorithm: track.signing_algorithm,
      key_validity_months: track.key_validity_months,
      key_renew_days_before_expiry: track.key_renew_days_before_expiry,
      key_primary_after_days: track.key_primary_after_days,
      version: track.version,
    },
  });
  const { errors, isSubmitting } = form.formState;
  const num = { valueAsNumber: true } as const;

  async function save(values: Out) {
    const r = applyResult(await updateTrackAction(tenant, track.name, values), {
      toast,
      setError: form.setError,
      success: `Track '${track.name}' saved.`,
    });
    if (r) router.refresh();
  }

  return (
    <details className="rounded-lg border border-slate-200 bg-white">
      <summary className="flex cursor-pointer items-center gap-2 px-4 py-3 font-medium">
        {track.name} {track.display_name && <span className="text-sm font-normal text-slate-500">{track.display_name}</span>}
        <Badge>{track.signing_algorithm}</Badge>
      </summary>
      <form onSubmit={form.handleSubmit(save)} noValidate className="space-y-4 border-t border-slate-200 p-4">
        <ReadOnlyFieldset className="grid gap-4 md:grid-cols-3">
          <Field label="Display name" error={errors.display_name?.message}>
            <Input {...form.register("display_name")} />
          </Field>
          <Field label="Signing algorithm" hint="Applies from the next key rotation." error={errors.signing_algorithm?.message}>
            <Select {...form.register("signing_algorithm")}>
              {["RS256", "PS256", "ES256", "EdDSA", "Ed25519"].map((a) => (
                <option key={a}>{a}</option>
              ))}
            </Select>
          </Field>
          <Field label="Key validity (months)" hint="1 to 12" error={errors.key_validity_months?.message}>
            <Input type="number" {...form.register("key_validity_months", num)} />
          </Field>
          <Field label="Renew before expiry (days)" hint="4 to 30" error={errors.key_renew_days_before_expiry?.message}>
            <Input type="number" {...form.register("key_renew_days_before_expiry", num)} />
          </Field>
          <Field label="Next key primary after (days)" hint="2 to 20" error={errors.key_primary_after_days?.message}>
            <Input type="number" {...form.register("key_primary_after_days", num)} />
          </Field>
        </ReadOnlyFieldset>
        <WriteOnly>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" pending={isSubmitting}>
              Save track
            </Button>
            {track.name !== "master" && (
              <Button variant="secondary" onClick={() => setConfirm(true)}>
                Delete track
              </Button>
            )}
          </div>
        </WriteOnly>
      </form>
      <ConfirmDialog
        open={confirm}
        title={`Delete track ${track.name}?`}
        description="Its applications, secrets and signing keys are deleted and its tokens stop verifying. This cannot be undone."
        confirmLabel="Delete track"
        pending={deleting}
        onClose={() => setConfirm(false)}
        onConfirm={async () => {
          setDeleting(true);
          const r = applyResult(await deleteTrackAction(tenant, track.name), { toast, success: `Track '${track.name}' deleted.` });
          setDeleting(false);
          setConfirm(false);
          if (r) router.refresh();
        }}
      />
    </details>
  );
}
