"use client";

import { useState } from "react";
import { addClientKeyAction, deleteClientKeyAction } from "./actions";
import { CertificateUpload, certificateForm, type PendingCertificate } from "./certificate-upload";
import { applyResult } from "@/components/forms/apply-result";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate, formatDateTime } from "@/components/ui/format";
import { useCanWrite } from "@/components/ui/read-only";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { ClientKeyView, PartyRefInput } from "@/lib/control";

export function ClientKeysPanel({ partyRef, initial }: { partyRef: PartyRefInput; initial: ClientKeyView[] }) {
  const toast = useToast();
  const [keys, setKeys] = useState(initial);
  const [pendingCert, setPendingCert] = useState<PendingCertificate | null>(null);
  const [uploadKey, setUploadKey] = useState(0);
  const [adding, setAdding] = useState(false);
  const [deleting, setDeleting] = useState<ClientKeyView | null>(null);
  const [removing, setRemoving] = useState(false);
  const canWrite = useCanWrite();

  async function add() {
    if (!pendingCert) return;
    setAdding(true);
    const r = applyResult(await addClientKeyAction(partyRef, certificateForm(pendingCert)), { toast, success: "Certificate added." });
    setAdding(false);
    if (!r) return;
    setKeys(r.keys);
    setPendingCert(null);
    setUploadKey((k) => k + 1);
  }

  async function remove() {
    if (!deleting) return;
    setRemoving(true);
    const r = applyResult(await deleteClientKeyAction(partyRef, deleting.kid), { toast, success: "Certificate deleted." });
    setRemoving(false);
    setDeleting(null);
    if (r) setKeys(r.keys);
  }

  return (
    <div className="space-y-4">
      {keys.length ? (
        <Table caption="Client certificates">
          <THead>
            <tr>
              <Th>Subject</Th>
              <Th>Thumbprint (x5t#S256) / kid</Th>
              <Th>Valid</Th>
              <Th>Last used</Th>
              {canWrite && (
                <Th>
                  <span className="sr-only">Actions</span>
                </Th>
              )}
            </tr>
          </THead>
          <TBody>
            {keys.map((k) => (
              <tr key={k.kid} className={k.expired ? "bg-red-50/50" : undefined}>
                <Td className="break-all">{k.subject ?? `${k.kty ?? ""} public key`}</Td>
                <Td className="font-mono text-xs break-all">{k["x5t#S256"] ?? k.kid}</Td>
                <Td className="whitespace-nowrap">
                  {formatDate(k.not_before)} to {formatDate(k.not_after)} {k.expired && <Badge tone="red">Expired</Badge>}
                </Td>
                <Td className="whitespace-nowrap">{k.last_used_at ? formatDateTime(k.last_used_at) : "Never"}</Td>
                {canWrite && (
                  <Td className="text-right">
                    <Button variant="ghost" size="sm" aria-label={`Delete certificate ${k.subject ?? k.kid}`} onClick={() => setDeleting(k)}>
                      Delete
                    </Button>
                  </Td>
                )}
              </tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState title="No client certificates">Upload the client&apos;s certificate to let it authenticate with private key JWT.</EmptyState>
      )}
      {canWrite && (
        <div className="space-y-2">
          <h3 className="text-sm font-semibold">Add a certificate</h3>
          <CertificateUpload key={uploadKey} onReady={setPendingCert} />
          <Button onClick={add} disabled={!pendingCert} pending={adding}>
            Add certificate
          </Button>
        </div>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title="Delete this certificate?"
        description={`Assertions signed with the key of “${deleting?.subject ?? deleting?.kid ?? ""}” will be refused.`}
        confirmLabel="Delete certificate"
        pending={removing}
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      />
    </div>
  );
}
