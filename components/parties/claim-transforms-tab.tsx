"use client";

import type { PartyRefInput, PartyView } from "@/lib/control";

/** Until CLAIMS' editor lands: the stored transforms, read-only. */
export function ClaimTransformsTab({ party }: { partyRef: PartyRefInput; party: PartyView }) {
  return (
    <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 text-xs">{JSON.stringify(party.claim_transforms, null, 2)}</pre>
  );
}
