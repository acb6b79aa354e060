"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm, useWatch } from "react-hook-form";
import type { z } from "zod";
import { applyResult } from "@/components/forms/apply-result";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { adminUserCreateSchema, PASSWORD_MIN, type AdminUserView } from "@/lib/validation";
import { createUserAction } from "./actions";

type In = z.input<typeof adminUserCreateSchema>;
type Out = z.output<typeof adminUserCreateSchema>;

const emptyToNull = (v: string) => (v === "" ? null : v);

export function NewUserDialog({
  open,
  onClose,
  tenant,
  everyTenant,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  /** the Users page's tenant: the new administrator's, or on master's page also every tenant */
  tenant: string;
  /** the creator may also make an all-tenant account here (an all-tenant administrator on master's page) */
  everyTenant: boolean;
  onCreated: (r: { users: AdminUserView[]; oneTimePassword: string | null; email: string }) => void;
}) {
  const toast = useToast();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(adminUserCreateSchema),
    defaultValues: { email: "", role: "admin", tenant: everyTenant ? null : tenant, password: null },
  });
  const { errors, isSubmitting } = form.formState;
  const setPassword = useWatch({ control: form.control, name: "password" }) !== null;

  async function onSubmit(values: Out) {
    const r = applyResult(await createUserAction(tenant, values), { toast, setError: form.setError, success: `Administrator ${values.email} created.` });
    if (!r) return;
    form.reset();
    onClose();
    onCreated(r);
  }

  return (
    <Dialog open={open} onClose={onClose} title="New administrator" description="Who may sign in to this console, and what they may do.">
      <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-4">
        <Field label="E-mail address" error={errors.email?.message}>
          <Input type="email" autoComplete="off" data-autofocus {...form.register("email")} />
        </Field>
        <Field label="Role" hint="A viewer sees everything in their scope and changes nothing." error={errors.role?.message}>
          <Select {...form.register("role")}>
            <option value="admin">Administrator</option>
            <option value="viewer">Viewer (read-only)</option>
          </Select>
        </Field>
        <Field label="Tenant" error={errors.tenant?.message}>
          {everyTenant ? (
            <Select {...form.register("tenant", { setValueAs: emptyToNull })}>
              <option value="">Every tenant</option>
              <option value={tenant}>{tenant}</option>
            </Select>
          ) : (
            <Input readOnly value={tenant} />
          )}
        </Field>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-700">Password</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" checked={!setPassword} onChange={() => form.setValue("password", null)} />
            Generate a one-time password (shown once; changed at the first sign-in)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" checked={setPassword} onChange={() => form.setValue("password", "")} />
            Set a password now
          </label>
        </fieldset>
        {setPassword && (
          <Field label="Password" hint={`At least ${PASSWORD_MIN} characters, hard to guess.`} error={errors.password?.message}>
            <Input type="password" autoComplete="new-password" {...form.register("password")} />
          </Field>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" pending={isSubmitting}>
            Create administrator
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
