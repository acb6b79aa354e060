"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { createSecretAction, deleteSecretAction } from "./actions";
import { applyResult } from "@/components/forms/apply-result";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input } from "@/components/ui/field";
import { useCanWrite } from "@/components/ui/read-only";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { SecretOnce } from "@/components/ui/secret-once";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { PartyRefInput, SecretView } from "@/lib/control";
import { formDefaults, secretCreateSchema } from "@/lib/validation";

type In = z.input<typeof secretCreateSchema>;
type Out = z.output<typeof secretCreateSchema>;

export function SecretsPanel({
  partyRef,
  initial,
  onCreated,
  unused,
}: {
  /** The client authenticates with private key JWT, so its secrets are not accepted. */
  unused?: boolean;
  partyRef: PartyRefInput;
  initial: SecretView[];
  onCreated: (secret: string) => void;
}) {
  const toast = useToast();
  const [secrets, setSecrets] = useState(initial);
  const [shown, setShown] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<SecretView | null>(null);
  const [pending, setPending] = useState(false);
  const canWrite = useCanWrite();
  const form = useForm<In, unknown, Out>({ resolver: zodResolver(secretCreateSchema), defaultValues: formDefaults(secretCreateSchema, {}) });

  async function add(values: Out) {
    const r = applyResult(await createSecretAction(partyRef, values), { toast, setError: form.setError, success: "Secret added." });
    if (!r) return;
    setSecrets(r.secrets);
    setShown(r.secret);
    onCreated(r.secret);
    form.reset();
  }

  async function remove() {
    if (!deleting) return;
    setPending(true);
    const r = applyResult(await deleteSecretAction(partyRef, deleting.id), { toast, success: "Secret deleted." });
    setPending(false);
    setDeleting(null);
    if (r) setSecrets(r.secrets);
  }

  const soon = secrets.filter(expiresSoon);
  return (
    <div className="space-y-4">
      {unused && (
        <p className="rounded-md border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          This client authenticates with private key JWT: the token endpoint does not accept its secrets. They are kept in
          case you switch back to a client secret method.
        </p>
      )}
      {soon.length > 0 && (
        <p role="status" className="rounded-md border border-orange-200 bg-orange-50 px-3 py-2 text-sm text-orange-900">
          {soon.length === 1 ? "One secret expires" : `${soon.length} secrets expire`} within {SOON_DAYS} days: add a new secret
          and move the client to it before then.
        </p>
      )}
      {shown && <SecretOnce secret={shown} onDismiss={() => setShown(null)} />}
      {secrets.length ? (
        <Table caption="Client secrets">
          <THead>
            <tr>
              <Th>Secret</Th>
              <Th>Created</Th>
              <Th>Expires</Th>
              <Th>Last used</Th>
              {canWrite && (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </tr>
          </THead>
          <TBody>
            {secrets.map((s) => (
              <tr key={s.id}>
                <Td>
                  <code>{s.info ? `${s.info}…` : "(no hint)"}</code>
                </Td>
                <Td>{formatDateTime(s.created_at)}</Td>
                <Td>
                  {s.expires_at ? formatDate(s.expires_at) : "Never"} {s.expired && <Badge tone="red">Expired</Badge>}
                  {expiresSoon(s) && <Badge tone="orange">Expires within {SOON_DAYS} days</Badge>}
                </Td>
                <Td>{s.last_used_at ? formatDateTime(s.last_used_at) : "Never"}</Td>
                {canWrite && (
                  <Td className="text-right">
                    <Button variant="ghost" size="sm" aria-label={`Delete secret ${s.info}…`} onClick={() => setDeleting(s)}>
                      Delete
                    </Button>
                  </Td>
                )}
              </tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState title="No secrets">Add a secret for this client to authenticate with client secret post or basic.</EmptyState>
      )}
      {canWrite && (
        <form onSubmit={form.handleSubmit(add)} noValidate className="flex flex-wrap items-end gap-3">
          <Field label="Expires (optional)" error={form.formState.errors.expires_at?.message}>
            <Input
              type="date"
              {...form.register("expires_at", { setValueAs: (v: string) => (v ? `${v}T23:59:59Z` : undefined) })}
            />
          </Field>
          <Button type="submit" pending={form.formState.isSubmitting}>
            + Add secret
          </Button>
        </form>
      )}
      <p className="text-sm text-slate-600">A new secret is generated by Fennec and shown once; only its first three characters are kept as a hint.</p>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this secret?"
        description={`The client can no longer authenticate with the secret starting “${deleting?.info ?? ""}”. This cannot be undone.`}
        confirmLabel="Delete secret"
        pending={pending}
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}

const SOON_DAYS = 14;
const expiresSoon = (s: SecretView) =>
  !s.expired && s.expires_at !== null && Date.parse(s.expires_at) - Date.now() < SOON_DAYS * 86_400_000;
