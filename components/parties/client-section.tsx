"use client";

import { Controller, useWatch, type UseFormReturn } from "react-hook-form";
import { Field, Input, Select } from "@/components/ui/field";
import { useCanWrite } from "@/components/ui/read-only";
import { CertificateUpload, type PendingCertificate } from "@/components/keys/certificate-upload";
import { GrantsPicker, type ResourceOptions } from "./grants-picker";
import type { PartyFormValues } from "./party-form-values";

type Form = UseFormReturn<PartyFormValues, unknown, PartyFormValues>;

export function ClientSection({
  form,
  tenant,
  track,
  resources,
  exclude,
  advanced,
  askCertificate,
  onCertificate,
}: {
  form: Form;
  tenant: string;
  track: string;
  resources: ResourceOptions;
  exclude?: string;
  advanced: boolean;
  askCertificate: boolean;
  onCertificate: (c: PendingCertificate | null) => void;
}) {
  const errors = form.formState.errors.client;
  const method = useWatch({ control: form.control, name: "client.auth_method" });
  const canWrite = useCanWrite();
  const grantErrors = Object.entries(form.formState.errors.client?.resource_scopes ?? {})
    .map(([, v]) => collectMessages(v))
    .flat();

  return (
    <section aria-labelledby="client-heading" className="space-y-4">
      <h3 id="client-heading" className="font-semibold text-slate-900">
        OAuth 2.0 client (client credentials grant)
      </h3>
      {advanced ? (
        <Field label="Client authentication method" error={errors?.auth_method?.message}>
          <Select {...form.register("client.auth_method")}>
            <option value="client_secret_post">Client secret post (default)</option>
            <option value="client_secret_basic">Client secret basic</option>
            <option value="private_key_jwt">Private key JWT</option>
          </Select>
        </Field>
      ) : (
        <p className="text-sm text-slate-600">
          Client authentication: <strong>{label(method)}</strong>. {method === "client_secret_post" && "A secret is generated when you save."}
        </p>
      )}
      {method === "private_key_jwt" && askCertificate && canWrite && (
        <div className="space-y-1">
          <p className="text-sm text-slate-600">
            The client signs a JWT assertion with its private key; Fennec checks it with this certificate&apos;s public key.
          </p>
          <CertificateUpload onReady={onCertificate} />
        </div>
      )}
      <Controller
        control={form.control}
        name="client.resource_scopes"
        render={({ field }) => (
          <GrantsPicker
            tenant={tenant}
            track={track}
            resources={resources}
            exclude={exclude}
            value={(field.value ?? []).map((g) => ({ resource: g.resource, scopes: g.scopes ?? [] }))}
            onChange={field.onChange}
            error={grantErrors.join(" ") || errors?.resource_scopes?.message || errors?.resource_scopes?.root?.message}
          />
        )}
      />
      <Field
        label="Access token lifetime (seconds)"
        hint="300 to 86400; 3600 is one hour."
        error={errors?.access_token_lifetime?.message}
        className="max-w-xs"
      >
        <Input type="number" min={300} max={86400} {...form.register("client.access_token_lifetime", { valueAsNumber: true })} />
      </Field>
      {advanced && (
        <div className="space-y-2 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" {...form.register("client.client_credentials_enabled")} />
            Client credentials grant enabled
          </label>
          {method !== "private_key_jwt" && (
            <label className="flex items-center gap-2">
              <input type="checkbox" {...form.register("client.strict_auth_method")} />
              Accept only the registered method (otherwise the secret is accepted both as client secret basic and as client secret post)
            </label>
          )}
          <label className="flex items-center gap-2">
            <input type="checkbox" {...form.register("client.allow_legacy_assertion_audience")} />
            Accept client assertions whose audience is the token endpoint (legacy RFC 7523; otherwise only the issuer)
          </label>
        </div>
      )}
    </section>
  );
}

function label(m: string | undefined) {
  return m === "client_secret_basic" ? "client secret basic" : m === "private_key_jwt" ? "private key JWT" : "client secret post";
}

function collectMessages(v: unknown): string[] {
  if (!v || typeof v !== "object") return [];
  const o = v as Record<string, unknown>;
  const own = typeof o.message === "string" ? [o.message] : [];
  return [...own, ...Object.entries(o).filter(([k]) => k !== "message" && k !== "ref" && k !== "type").flatMap(([, x]) => collectMessages(x))];
}
