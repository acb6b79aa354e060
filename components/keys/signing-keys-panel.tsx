"use client";

import { useState } from "react";
import { promoteSigningKeysNowAction, rotateSigningKeysAction } from "./actions";
import { applyResult } from "@/components/forms/apply-result";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { WriteOnly } from "@/components/ui/read-only";
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
  const [confirm, setConfirm] = useState<"rotate" | "promote" | null>(null);
  const [pending, setPending] = useState(false);
  const primary = keys.find((k) => k.state === "primary");
  const secondaries = keys.filter((k) => k.state === "secondary");
  const next = secondaries.find((k) => k.next);
  const renewAt = primary
    ? new Date(new Date(primary.not_after).getTime() - schedule.renewDaysBeforeExpiry * 86_400_000).toISOString()
    : null;

  async function rotate() {
    setPending(true);
    const r = applyResult(await rotateSigningKeysAction(tenant, track), { toast });
    setPending(false);
    setConfirm(null);
    if (!r) return;
    setKeys(r.keys);
    toast.success(
      r.activate_at
        ? `Next key ${r.next_kid!.slice(0, 12)}… published; it signs tokens from ${formatDateTime(r.activate_at)}.`
        : `Keys rotated: ${r.primary_kid.slice(0, 12)}… now signs tokens.`,
    );
  }

  async function promoteNow() {
    setPending(true);
    const r = applyResult(await promoteSigningKeysNowAction(tenant, track), { toast });
    setPending(false);
    setConfirm(null);
    if (!r) return;
    setKeys(r.keys);
    toast.success(`Key promoted: ${r.primary_kid.slice(0, 12)}… now signs tokens.`);
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
          <WriteOnly>
            <div className="flex gap-2">
              <Button onClick={() => setConfirm("rotate")} pending={pending}>
                Rotate
              </Button>
              <Button variant="danger" onClick={() => setConfirm("promote")} pending={pending}>
                Promote now
              </Button>
            </div>
          </WriteOnly>
        }
      >
        <p className="text-sm text-slate-700">
          Keys are valid for {schedule.validityMonths} month{schedule.validityMonths === 1 ? "" : "s"}. A next key is published{" "}
          {schedule.renewDaysBeforeExpiry} days before the primary expires and becomes primary {schedule.primaryAfterDays} days later.
          {renewAt && <> Next scheduled renewal: <strong>{formatDateTime(renewAt)}</strong>.</>}
        </p>
        <p className="mt-2 text-sm text-slate-700">
          <strong>Rotate</strong> publishes the next key in JWKS at once and makes it primary after the JWKS cache lifetime, so that
          verifiers holding cached keys already know it. <strong>Promote now</strong> is for a key you no longer trust: the next key signs
          at once.
        </p>
        {next?.activate_at && (
          <p className="mt-2 text-sm text-slate-700" id="planned-promotion">
            Planned promotion of the next key: <strong>{formatDateTime(next.activate_at)}</strong>.
          </p>
        )}
      </Card>
      <ConfirmDialog
        open={confirm === "rotate"}
        title="Rotate the signing keys?"
        description="The next key (a new one, or the pending one) is published in JWKS now and becomes primary after the JWKS cache lifetime (5 minutes by default); until then the current primary keeps signing. Nothing breaks for verifiers that cache JWKS."
        confirmLabel="Rotate"
        pending={pending}
        onConfirm={rotate}
        onClose={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === "promote"}
        title="Promote a new signing key now?"
        description="Emergency use, for a key you no longer trust. The next key (or a new one) signs tokens at once. Verifiers that cached JWKS before it was published refuse the new tokens until they fetch the keys again: up to 5 minutes for a cache that honours max-age, 30 s for PyJWT's PyJWKClient, an immediate refetch for jose's createRemoteJWKSet. The current primary stays in JWKS, so tokens it signed keep verifying until they expire."
        confirmLabel="Promote now"
        pending={pending}
        onConfirm={promoteNow}
        onClose={() => setConfirm(null)}
      />
    </div>
  );
}
