"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInSchema, type SignInInput } from "@/lib/auth/signin-schema";
import { formDefaults } from "@/lib/validation/form-defaults";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "The e-mail address or password is wrong.",
  SessionRequired: "Please sign in.",
};

export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | undefined>(
    // Only known codes: a crafted ?error= link must not put its own words on the sign-in page.
    initialError ? (MESSAGES[initialError] ?? "Sign-in failed. Try again.") : undefined,
  );
  const { register, handleSubmit, formState } = useForm<SignInInput>({
    resolver: zodResolver(signInSchema),
    defaultValues: formDefaults(signInSchema, { email: "", password: "" }),
  });

  async function onSubmit(values: SignInInput) {
    setError(undefined);
    const r = await signIn("credentials", { ...values, redirect: false });
    if (r?.ok && !r.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setError(r?.error ? (MESSAGES[r.error] ?? r.error) : "Sign-in failed. Try again.");
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate className="space-y-4">
      {error && (
        <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </div>
      )}
      <Field label="E-mail" error={formState.errors.email?.message}>
        <Input type="email" autoComplete="username" autoFocus {...register("email")} />
      </Field>
      <Field label="Password" error={formState.errors.password?.message}>
        <Input type="password" autoComplete="current-password" {...register("password")} />
      </Field>
      <Button type="submit" className="w-full" pending={formState.isSubmitting}>
        Sign in
      </Button>
    </form>
  );
}
