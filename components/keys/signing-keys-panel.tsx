"use client";

import { useState } from "react";
import { rotateSigningKeysAction } from "./actions";
import { applyResult } from "@/components/forms/apply-result";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "@/components/ui/format";
import { useToast } from "@/components/ui/toast";
import type { SigningKeyView } from "@/lib/control";

function KeyCard({ k }: { k: SigningKeyView }) {
  return (
    <dl className="grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1.5 text-sm">
      <dt className="text-slate-500">Algorithm</dt>
      <dd>
        <Badge tone="slate">{k.alg}</Badge>
      </dd>
      <dt className="text-slate-500">kid</dt>
      <dd className="font-mono text-xs break-all">{k.kid}</dd>
      <dt className="text-slate-500">Subject</dt>
      <dd className="break-all">{k.subject ?? "—"}</dd>
      <dt className="text-slate-500">Valid</dt>
      <dd>
        {formatDateTime(k.not_before)} to {formatDateTime(k.not_after)}
      </dd>
      <dt className="text-slate-500">Thumbprint</dt>
      <dd className="font-mono text-xs break-all">{k["x5t#S256"] ?? "—"}</dd>
      {k.activate_at && (
        <>
          <dt className="text-slate-500">Becomes primary</dt>
          <dd>{formatDateTime(k.activate_at)}</dd>
        </>
      )}
      {k.retire_at && (
        <>
          <dt className="text-slate-500">Leaves JWKS</dt>
          <dd>{formatDateTime(k.retire_at)}</dd>
        </>
      )}
    </dl>
  );
}

export function SigningKeysPanel({
  tenant,
  track,
  initial,
  schedule,
}: {
  tenant: string;
  track: string;
  initial: SigningKeyView[];
  schedule: { validityMonths: number; renewDaysBeforeExpiry: number; primaryAfterDays: number };
}) {
  const toast = useToast();
  const [keys, setKeys] = useState(initial);
  const [confirm, setConfirm] = useState(false);
  const [pending, setPending] = useState(false);
  const primary = keys.find((k) => k.state === "primary");
  const secondaries = keys.filter((k) => k.state === "secondary");
  const renewAt = primary
    ? new Date(new Date(primary.not_after).getTime() - schedule.renewDaysBeforeExpiry * 86_400_000).toISOString()
    : null;

  async function rotate() {
    setPending(true);
    const r = applyResult(await rotateSigningKeysAction(tenant, track), { toast });
    setPending(false);
    setConfirm(false);
    if (!r) return;
    setKeys(r.keys);
    toast.success(`Keys rotated: ${r.primary_kid.slice(0, 12)}… now signs tokens.`);
  }

  return (
    <div className="space-y-5">
      <div className="grid gap-5 lg:grid-cols-2">
        <Card id="primary-key" title={<span className="flex items-center gap-2">Primary key <Badge tone="green">signs tokens</Badge></span>}>
          {primary ? <KeyCard k={primary} /> : <p className="text-sm text-slate-600">No primary key.</p>}
        </Card>
        <Card
          id="secondary-keys"
          title={<span className="flex items-center gap-2">Secondary key{secondaries.length > 1 ? "s" : ""} <Badge tone="blue">published in JWKS</Badge></span>}
          description="The next key before it is promoted, or the previous one until the tokens it signed expire."
        >
          {secondaries.length ? (
            <div className="space-y-4 divide-y divide-slate-100">
              {secondaries.map((k) => (
                <div key={k.kid} className="pt-3 first:pt-0">
                  {k.next && <p className="mb-2 text-xs font-medium text-sky-800">Next key</p>}
                  <KeyCard k={k} />
                </div>
              ))}
            </div>
          ) : (
            <p className="text-sm text-slate-600">No secondary key right now.</p>
          )}
        </Card>
      </div>
      <Card
        id="rotation"
        title="Rotation"
        actions={
          <Button onClick={() => setConfirm(true)} pending={pending}>
            Rotate now
          </Button>
        }
      >
        <p className="text-sm text-slate-700">
          Keys are valid for {schedule.validityMonths} month{schedule.validityMonths === 1 ? "" : "s"}. A next key is published{" "}
          {schedule.renewDaysBeforeExpiry} days before the primary expires and becomes primary {schedule.primaryAfterDays} days later.
          {renewAt && <> Next scheduled renewal: <strong>{formatDateTime(renewAt)}</strong>.</>}
        </p>
      </Card>
      <ConfirmDialog
        open={confirm}
        title="Rotate the signing keys now?"
        description="A new key (or the pending next key) starts signing tokens at once. The current primary stays in JWKS as a secondary, so tokens it already signed keep verifying until they expire."
        confirmLabel="Rotate now"
        pending={pending}
        onConfirm={rotate}
        onClose={() => setConfirm(false)}
      />
    </div>
  );
}
