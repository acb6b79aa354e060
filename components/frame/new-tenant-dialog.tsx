"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createTenantAction } from "@/components/frame/actions";
import { applyResult } from "@/components/forms/apply-result";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { tenantCreateSchema } from "@/lib/validation";

type In = z.input<typeof tenantCreateSchema>;
type Out = z.output<typeof tenantCreateSchema>;

export function NewTenantDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const router = useRouter();
  const toast = useToast();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(tenantCreateSchema), defaultValues: { name: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: Out) {
    const r = applyResult(await createTenantAction(values), {
      toast,
      setError: form.setError,
      success: `Tenant '${values.name}' created with its master track.`,
    });
    if (!r) return;
    form.reset();
    onClose();
    router.push(`/control/${r.tenant.name}/master/applications`);
  }

  return (
    <Dialog open={open} onClose={onClose} title="New tenant" description="A tenant gets its own master track, signing key and Control API resource.">
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
        <Field label="Name" hint="Lowercase letters, digits, '_' and '-'; part of every URL." error={errors.name?.message}>
          <Input autoComplete="off" data-autofocus {...form.register("name")} />
        </Field>
        <Field label="Display name (optional)" error={errors.display_name?.message}>
          <Input autoComplete="off" {...form.register("display_name")} />
        </Field>
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            Create tenant
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
