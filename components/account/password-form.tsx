"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signOut } from "next-auth/react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { applyResult } from "@/components/forms/apply-result";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useToast } from "@/components/ui/toast";
import { PASSWORD_MIN, passwordChangeSchema, type AdminSessionView } from "@/lib/validation";
import { changePasswordAction } from "./actions";

type In = z.input<typeof passwordChangeSchema>;
type Out = z.output<typeof passwordChangeSchema>;

/** `forced`: the one-time password's change; afterwards the console opens. */
export function PasswordForm({ forced, onChanged }: { forced?: boolean; onChanged?: (sessions: AdminSessionView[]) => void }) {
  const toast = useToast();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(passwordChangeSchema),
    defaultValues: { current_password: "", new_password: "", confirm_password: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: Out) {
    const r = applyResult(await changePasswordAction(values), { toast, setError: form.setError, success: "Password changed. Your other sessions have ended." });
    if (!r) return;
    form.reset();
    onChanged?.(r.sessions);
    // A full load, so that no page rendered under the one-time password stays in the router's cache.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (forced) window.location.assign("/control");
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="max-w-md space-y-4">
      <Field label={forced ? "One-time password" : "Current password"} error={errors.current_password?.message}>
        <Input type="password" autoComplete="current-password" {...form.register("current_password")} />
      </Field>
      <Field label="New password" hint={`At least ${PASSWORD_MIN} characters; not your e-mail address or a common password.`} error={errors.new_password?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("new_password")} />
      </Field>
      <Field label="Repeat the new password" error={errors.confirm_password?.message}>
        <Input type="password" autoComplete="new-password" {...form.register("confirm_password")} />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" pending={isSubmitting}>
          Change password
        </Button>
        {forced && (
          <Button
            variant="secondary"
            onClick={async () => {
              await signOut({ redirect: false });
              // eslint-disable-next-line @next/next/no-location-assign-relative-destination
              window.location.assign("/signin");
            }}
          >
            Sign out
          </Button>
        )}
      </div>
    </form>
  );
}
