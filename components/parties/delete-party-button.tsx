"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deletePartyAction } from "./actions";
import { applyResult } from "@/components/forms/apply-result";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { useCanWrite } from "@/components/ui/read-only";
import { useToast } from "@/components/ui/toast";
import type { PartyRefInput } from "@/lib/control";

export function DeletePartyButton({ partyRef }: { partyRef: PartyRefInput }) {
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const canWrite = useCanWrite();
  if (!canWrite) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={open}
        title={`Delete ${partyRef.party}?`}
        description="Its secrets, certificates and grants go with it, and clients granted its scopes lose them. This cannot be undone."
        confirmLabel="Delete application"
        pending={pending}
        onClose={() => setOpen(false)}
        onConfirm={async () => {
          setPending(true);
          const r = applyResult(await deletePartyAction(partyRef), { toast, success: `Application '${partyRef.party}' deleted.` });
          setPending(false);
          setOpen(false);
          if (r) {
            router.push(`/control/${partyRef.tenant}/${partyRef.track}/applications`);
            router.refresh();
          }
        }}
      />
    </>
  );
}
