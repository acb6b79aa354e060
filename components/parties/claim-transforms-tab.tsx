"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updatePartyAction } from "./actions";
import { ClaimTransformsEditor } from "@/components/claim-transforms/claim-transforms-editor";
import { applyResult } from "@/components/forms/apply-result";
import { Button } from "@/components/ui/button";
import { WriteOnly } from "@/components/ui/read-only";
import { useToast } from "@/components/ui/toast";
import type { PartyRefInput, PartyView } from "@/lib/control";
import type { ClaimTransform } from "@/lib/claims";
import { partyValues } from "./party-form-values";

/** The party's ordered claim transforms, saved through the same party update as the settings. */
export function ClaimTransformsTab({ partyRef, party }: { partyRef: PartyRefInput; party: PartyView }) {
  const router = useRouter();
  const toast = useToast();
  const [value, setValue] = useState(party.claim_transforms as ClaimTransform[]);
  const [errors, setErrors] = useState<{ field: string; message: string }[]>();
  const [pending, setPending] = useState(false);
  const dirty = JSON.stringify(value) !== JSON.stringify(party.claim_transforms);

  async function save() {
    setPending(true);
    const result = await updatePartyAction(partyRef, { ...partyValues(party), claim_transforms: value });
    setPending(false);
    if (!result.ok) {
      setErrors(Object.entries(result.fieldErrors ?? {}).map(([field, message]) => ({ field, message })));
    }
    if (applyResult(result, { toast, success: "Claim transforms saved." })) {
      setErrors(undefined);
      router.refresh();
    }
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Transforms run in order on the claims of every access token this client gets, after Fennec builds the standard
        claims. <code>iss</code>, <code>aud</code>, <code>exp</code>,{" "}
        <code>client_id</code>, <code>scope</code> and the other protected claims cannot be changed.
      </p>
      <ClaimTransformsEditor
        value={value}
        onChange={(v) => {
          setValue(v);
          setErrors(undefined);
        }}
        errors={errors}
        clientId={party.client ? party.name : undefined}
      />
      <WriteOnly>
        <div className="flex items-center gap-3 border-t border-slate-200 pt-4">
          <Button onClick={save} pending={pending} disabled={!dirty}>
            Save claim transforms
          </Button>
          {dirty && <span className="text-sm text-amber-700">Unsaved changes</span>}
        </div>
      </WriteOnly>
    </div>
  );
}
