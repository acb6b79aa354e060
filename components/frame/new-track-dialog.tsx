"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createTrackAction } from "@/components/frame/actions";
import { applyResult } from "@/components/forms/apply-result";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { formDefaults, trackCreateSchema } from "@/lib/validation";

type In = z.input<typeof trackCreateSchema>;
type Out = z.output<typeof trackCreateSchema>;

export function NewTrackDialog({ tenant, open, onClose }: { tenant: string; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(trackCreateSchema),
    defaultValues: formDefaults(trackCreateSchema, { name: "" }),
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: Out) {
    const r = applyResult(await createTrackAction(tenant, values), {
      toast,
      setError: form.setError,
      success: `Track '${values.name}' created.`,
    });
    if (!r) return;
    form.reset();
    onClose();
    router.push(`/control/${tenant}/${r.track.name}/applications`);
  }

  return (
    <Dialog open={open} onClose={onClose} title={`New track in ${tenant}`} description="A track (environment) has its own issuer, signing keys and applications.">
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
        <Field label="Name" hint="e.g. test or prod; lowercase letters, digits, '_' and '-'." error={errors.name?.message}>
          <Input autoComplete="off" data-autofocus {...form.register("name")} />
        </Field>
        <Field label="Signing algorithm" error={errors.signing_algorithm?.message}>
          <Select {...form.register("signing_algorithm")}>
            <option value="RS256">RS256 (RSA, most compatible)</option>
            <option value="PS256">PS256 (RSA-PSS)</option>
            <option value="ES256">ES256 (ECDSA P-256)</option>
            <option value="EdDSA">EdDSA (Ed25519, RFC 8037 name)</option>
            <option value="Ed25519">Ed25519 (RFC 9864 name)</option>
          </Select>
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            Create track
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
