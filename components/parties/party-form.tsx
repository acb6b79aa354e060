"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Controller, useForm, useWatch, type Resolver } from "react-hook-form";
import { addClientKeyAction } from "@/components/keys/actions";
import { createPartyAction, updatePartyAction } from "./actions";
import { applyResult } from "@/components/forms/apply-result";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, FieldError, Input } from "@/components/ui/field";
import { ReadOnlyFieldset, WriteOnly } from "@/components/ui/read-only";
import { SecretOnce } from "@/components/ui/secret-once";
import { useToast } from "@/components/ui/toast";
import { partyCreateSchema, partyUpdateSchema } from "@/lib/validation";
import { certificateForm, type PendingCertificate } from "@/components/keys/certificate-upload";
import { ClientSection } from "./client-section";
import type { ResourceOptions } from "./grants-picker";
import { newClientPart, newResourcePart, type PartyFormValues } from "./party-form-values";
import { ScopeListEditor } from "./scope-list-editor";
import { TryIt } from "./try-it";

type Props = {
  mode: "create" | "edit";
  tenant: string;
  track: string;
  initial: PartyFormValues;
  resources: ResourceOptions;
  keyCount?: number;
  tokenEndpoint: string;
};

export function PartyForm({ mode, tenant, track, initial, resources, keyCount = 0, tokenEndpoint }: Props) {
  const router = useRouter();
  const toast = useToast();
  const base = `/control/${tenant}/${track}/applications`;
  const schema = mode === "create" ? partyCreateSchema : partyUpdateSchema;
  const form = useForm<PartyFormValues, unknown, PartyFormValues>({
    resolver: zodResolver(schema) as unknown as Resolver<PartyFormValues, unknown, PartyFormValues>,
    defaultValues: initial,
  });
  const [advanced, setAdvanced] = useState(mode === "edit" && initial.client?.auth_method !== "client_secret_post");
  const [certificate, setCertificate] = useState<PendingCertificate | null>(null);
  const [created, setCreated] = useState<{ name: string; secret?: string; scope: string } | null>(null);
  const { errors, isSubmitting } = form.formState;
  const [name, resource, client, method] = useWatch({
    control: form.control,
    name: ["name", "resource", "client", "client.auth_method"],
  });
  const isResource = resource != null;
  const isClient = client != null;

  async function uploadCertificate(party: string) {
    if (!certificate || method !== "private_key_jwt") return true;
    const r = await addClientKeyAction({ tenant, track, party }, certificateForm(certificate));
    return applyResult(r, { toast, success: "Client certificate added." }) !== null;
  }

  async function onSubmit(values: PartyFormValues) {
    if (values.client?.auth_method === "private_key_jwt" && mode === "create" && !certificate) {
      toast.error("Read the client certificate first: a private key JWT client needs one.");
      return;
    }
    if (mode === "create") {
      const r = applyResult(await createPartyAction(tenant, track, values), { toast, setError: form.setError });
      if (!r) return;
      const keyOk = await uploadCertificate(r.party.name);
      toast.success(`Application '${r.party.name}' created.`);
      const scope = (r.party.client?.resource_scopes ?? []).flatMap((g) => g.scopes.map((s) => `${g.resource}:${s}`)).join(" ");
      if (r.party.secret) setCreated({ name: r.party.name, secret: r.party.secret, scope });
      else router.push(`${base}/${r.party.name}${keyOk ? "" : "?tab=certificates"}`);
      return;
    }
    const r = applyResult(await updatePartyAction({ tenant, track, party: initial.name }, values), {
      toast,
      setError: form.setError,
      success: "Changes saved.",
    });
    if (!r) return;
    await uploadCertificate(r.party.name);
    if (r.party.name !== initial.name) router.replace(`${base}/${r.party.name}`);
    router.refresh();
  }

  if (created) {
    return (
      <div className="space-y-5">
        {created.secret && <SecretOnce secret={created.secret} title={`Client secret of ${created.name}`} />}
        <TryIt tenant={tenant} track={track} party={created.name} method={initial.client?.auth_method ?? "client_secret_post"} tokenEndpoint={tokenEndpoint} initialSecret={created.secret} initialScope={created.scope} />
        <Link href={`${base}/${created.name}`} className={buttonClass("primary")}>
          Open {created.name}
        </Link>
      </div>
    );
  }

  return (
    <form onSubmit={form.handleSubmit(onSubmit)} noValidate className="space-y-6">
      <div className="flex justify-end">
        <Button variant="ghost" size="sm" aria-expanded={advanced} onClick={() => setAdvanced((a) => !a)}>
          {advanced ? "Hide advanced settings" : "Show advanced settings"}
        </Button>
      </div>
      <ReadOnlyFieldset className="space-y-6">
        {advanced && (
          <fieldset className="flex flex-wrap gap-4 rounded-md border border-slate-200 p-3 text-sm">
            <legend className="px-1 font-medium text-slate-700">This application is</legend>
            <label className="flex items-center gap-2">
              <input type="checkbox" checked={isResource} onChange={(e) => form.setValue("resource", e.target.checked ? newResourcePart() : null, { shouldDirty: true })} />
              an OAuth 2.0 resource (API)
            </label>
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={isClient}
                onChange={(e) =>
  form.setValue("client", e.target.checked ? newClientPart() : null, { shouldDirty: true })
                }
              />
              an OAuth 2.0 client
            </label>
          </fieldset>
        )}
        <div className="grid gap-4 md:grid-cols-2">
          <Field label="Name (client ID / resource name)" hint="Lowercase letters, digits, '_' and '-'." error={errors.name?.message}>
            <Input autoComplete="off" autoFocus={mode === "create"} {...form.register("name")} />
          </Field>
          <Field label="Display name (optional)" error={errors.display_name?.message}>
            <Input autoComplete="off" {...form.register("display_name")} />
          </Field>
          <Field label="Your notes (optional)" error={errors.note?.message} className="md:col-span-2">
            <Input autoComplete="off" {...form.register("note")} />
          </Field>
        </div>
        <FieldError message={(errors.resource as { message?: string } | undefined)?.message} />

        {isResource && (
          <section aria-labelledby="resource-heading" className="space-y-3">
            <h3 id="resource-heading" className="font-semibold text-slate-900">
              OAuth 2.0 resource (API)
            </h3>
            <Controller
              control={form.control}
              name="resource.scopes"
              render={({ field }) => (
                <ScopeListEditor
                  partyName={(name ?? "").trim().toLowerCase()}
                  value={field.value ?? []}
                  onChange={field.onChange}
                  errors={errors.resource?.scopes as never}
                />
              )}
            />
            {advanced && (
              <Field label="Audience (optional)" hint={`The token's aud for this resource; defaults to its name.`} error={errors.resource?.audience?.message} className="max-w-md">
                <Input autoComplete="off" {...form.register("resource.audience", { setValueAs: (v) => (v === "" ? undefined : v) })} />
              </Field>
            )}
          </section>
        )}

        {isClient && (
          <ClientSection
            form={form}
            tenant={tenant}
            track={track}
            resources={resources}
            exclude={initial.name || undefined}
            advanced={advanced}
            askCertificate={mode === "create" || keyCount === 0 || initial.client?.auth_method !== "private_key_jwt"}
            onCertificate={setCertificate}
          />
        )}
      </ReadOnlyFieldset>

      <div className="flex gap-2 border-t border-slate-200 pt-4">
        <WriteOnly>
          <Button type="submit" pending={isSubmitting}>
            {mode === "create" ? "Create" : "Save changes"}
          </Button>
        </WriteOnly>
        <Link href={base} className={buttonClass("secondary")}>
          {mode === "create" ? "Cancel" : "Back to list"}
        </Link>
      </div>
    </form>
  );
}
