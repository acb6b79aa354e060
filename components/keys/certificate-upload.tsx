"use client";

import { useId, useState } from "react";
import { previewClientKeyAction } from "./actions";
import { Button } from "@/components/ui/button";
import { Field, FieldError, Input } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import type { ClientKeyPreview } from "@/lib/control";

export type PendingCertificate = { file: File; password: string; preview: ClientKeyPreview };

export const certificateForm = (c: { file: File; password: string }) => {
  const f = new FormData();
  f.set("file", c.file);
  if (c.password) f.set("password", c.password);
  return f;
};

const day = (iso: string | null) => (iso ? new Date(iso).toISOString().slice(0, 10) : "—");

export function KeyPreviewCard({ k }: { k: ClientKeyPreview }) {
  return (
    <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm" aria-label="Certificate details">
      <dt className="text-slate-500">Subject</dt>
      <dd className="break-all">{k.subject ?? "— (a bare public key)"}</dd>
      <dt className="text-slate-500">Thumbprint</dt>
      <dd className="font-mono text-xs break-all">{k["x5t#S256"] ?? k.kid}</dd>
      <dt className="text-slate-500">Valid</dt>
      <dd>
        {day(k.not_before)} to {day(k.not_after)} {k.expired && <Badge tone="red">Expired</Badge>}
      </dd>
    </dl>
  );
}

/** Pick a pfx (with its password) or a PEM certificate; it is read and shown before anything is saved. */
export function CertificateUpload({ onReady, pending }: { onReady: (c: PendingCertificate | null) => void; pending?: boolean }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState("");
  const [preview, setPreview] = useState<ClientKeyPreview | null>(null);
  const [error, setError] = useState<string>();
  const [reading, setReading] = useState(false);

  async function read() {
    if (!file) {
      setError("Choose a certificate file.");
      return;
    }
    setReading(true);
    setError(undefined);
    const r = await previewClientKeyAction(certificateForm({ file, password }));
    setReading(false);
    if (r.ok) {
      setPreview(r.key);
      onReady({ file, password, preview: r.key });
    } else {
      setPreview(null);
      onReady(null);
      setError(r.fieldErrors?.file ?? r.message);
    }
  }

  return (
    <div className="space-y-3 rounded-md border border-slate-200 p-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="space-y-1">
          <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
            Client certificate (.pfx/.p12 or PEM)
          </label>
          <input
            id={`${id}-file`}
            type="file"
            accept=".pfx,.p12,.pem,.crt,.cer,.json"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
              onReady(null);
            }}
            className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5"
          />
        </div>
        <Field label="Certificate password (pfx)" hint="Used only to open the file; only the public certificate is kept.">
          <Input type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
        </Field>
      </div>
      <Button variant="secondary" size="sm" onClick={read} pending={reading || pending}>
        Read certificate
      </Button>
      <FieldError message={error} />
      {preview && <KeyPreviewCard k={preview} />}
    </div>
  );
}
