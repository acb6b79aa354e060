"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { WriteOnly } from "@/components/ui/read-only";
import { SecretOnce } from "@/components/ui/secret-once";
import { useToast } from "@/components/ui/toast";
import { MAX_UI_IMPORT_BYTES, type ImportResult } from "@/lib/validation";
import { exportTrackAction, importTrackAction } from "./actions";
import { ImportPlanTable } from "./import-plan-table";

type Problem = { message: string; fields: [string, string][] };

/** "Export" downloads the track as a JSON document; "Import" uploads one, shows the dry run's plan, applies on confirmation. */
export function TrackTransfer({ tenant, track }: { tenant: string; track: string }) {
  const router = useRouter();
  const toast = useToast();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [text, setText] = useState<string | null>(null);
  const [plan, setPlan] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function download() {
    setBusy(true);
    const r = await exportTrackAction(tenant, track);
    setBusy(false);
    if (!r.ok) return toast.error(r.message);
    const url = URL.createObjectURL(new Blob([r.text], { type: "application/json" }));
    const a = Object.assign(document.createElement("a"), { href: url, download: r.fileName });
    a.click();
    URL.revokeObjectURL(url);
  }

  function reset() {
    setText(null);
    setPlan(null);
    setApplied(null);
    setProblem(null);
  }

  async function run(mode: "dry_run" | "apply", content: string) {
    setBusy(true);
    setProblem(null);
    const r = await importTrackAction(tenant, track, content, mode);
    setBusy(false);
    if (!r.ok) return setProblem({ message: r.message, fields: Object.entries(r.fieldErrors ?? {}) });
    if (mode === "dry_run") return setPlan(r.result);
    setApplied(r.result);
    setPlan(null);
    toast.success(`Imported into ${tenant}/${track}.`);
    router.refresh();
  }

  async function choose(file: File | undefined) {
    reset();
    if (!file) return;
    if (file.size > MAX_UI_IMPORT_BYTES) {
      return setProblem({ message: `The file is larger than ${Math.floor(MAX_UI_IMPORT_BYTES / 1000)} kB: import it with the Control API.`, fields: [] });
    }
    const content = await file.text();
    setText(content);
    await run("dry_run", content);
  }

  const conflicts = plan?.parties.filter((p) => p.action === "conflict").length ?? 0;
  const changes = plan ? plan.parties.filter((p) => p.action === "create" || p.action === "update").length + (plan.track.action === "update" ? 1 : 0) : 0;

  return (
    <>
      <Button variant="secondary" onClick={download} pending={busy && !open}>
        Export
      </Button>
      <WriteOnly>
        <Button variant="secondary" onClick={() => (reset(), setOpen(true))}>
          Import
        </Button>
      </WriteOnly>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Import into ${tenant}/${track}`}
        description="Choose a file exported from Fennec. You see what would change before anything is written."
        className="w-[min(56rem,calc(100vw-2rem))]"
      >
        {!applied && (
          <div className="space-y-1">
            <label htmlFor={`${id}-file`} className="block text-sm font-medium text-slate-700">
              Export file (.json)
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".json,application/json"
              onChange={(e) => choose(e.target.files?.[0])}
              className="block w-full text-sm file:mr-3 file:rounded-md file:border-0 file:bg-slate-100 file:px-3 file:py-1.5"
            />
          </div>
        )}
        {busy && <p className="text-sm text-slate-600">Working…</p>}
        {problem && (
          <div role="alert" className="space-y-1 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            <p className="font-medium">{problem.message}</p>
            {problem.fields.length > 0 && (
              <ul className="list-disc pl-5">
                {problem.fields.map(([field, message]) => (
                  <li key={field}>
                    <code>{field}</code>: {message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        {plan && (
          <div className="space-y-3">
            <h3 className="font-medium">Dry run: nothing has been written yet</h3>
            <div className="max-h-[50vh] overflow-y-auto">
              <ImportPlanTable result={plan} />
            </div>
            {conflicts > 0 && (
              <p className="text-sm text-red-700">
                {conflicts} part{conflicts === 1 ? "y conflicts" : "ies conflict"} with the track: resolve {conflicts === 1 ? "it" : "them"} in the file or the track first.
              </p>
            )}
            <div className="flex justify-end gap-2">
              <Button variant="ghost" onClick={() => setOpen(false)}>
                Cancel
              </Button>
              <Button onClick={() => text && run("apply", text)} pending={busy} disabled={conflicts > 0 || changes === 0}>
                {changes === 0 ? "Nothing to import" : `Apply import (${changes} change${changes === 1 ? "" : "s"})`}
              </Button>
            </div>
          </div>
        )}
        {applied && (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              Imported: {applied.parties.filter((p) => p.action === "create").length} created,{" "}
              {applied.parties.filter((p) => p.action === "update").length} updated.
            </p>
            {applied.secrets.map((s) => (
              <SecretOnce key={s.party} secret={s.secret} title={`New client secret of ${s.party}`} />
            ))}
            <div className="flex justify-end">
              <Button onClick={() => (reset(), setOpen(false))}>Done</Button>
            </div>
          </div>
        )}
      </Dialog>
    </>
  );
}
