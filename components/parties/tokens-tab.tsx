"use client";

import { useState } from "react";
import { revokeClientTokensAction } from "./actions";
import { applyResult } from "@/components/forms/apply-result";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime } from "@/components/ui/format";
import { WriteOnly } from "@/components/ui/read-only";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { PartyRefInput } from "@/lib/control";
import type { RevokedTokenPage } from "@/lib/validation";

// to the second: the cutoff compares with a token's iat, which has second precision
const toSecond = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

/** The client's revoked tokens and its "not before" (README "Token service": introspection and revocation). */
export function TokensTab({ partyRef, initial }: { partyRef: PartyRefInput; initial: RevokedTokenPage }) {
  const toast = useToast();
  const [page, setPage] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);

  async function revokeAll() {
    setPending(true);
    const r = applyResult(await revokeClientTokensAction(partyRef), { toast, success: "Every token issued before now is revoked." });
    setPending(false);
    setConfirming(false);
    if (r) setPage(r.tokens);
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Resource servers that introspect tokens (<code>oauth/introspect</code>) see a revoked token as inactive. Tokens are
        JWTs: an API that only checks their signature keeps accepting them until they expire.
      </p>
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 bg-slate-50 px-4 py-3">
        <p className="text-sm" data-testid="tokens-not-before">
          {page.tokens_not_before ? (
            <>
              Every token issued up to <strong>{toSecond(page.tokens_not_before)}</strong> is revoked.
            </>
          ) : (
            "No cutoff: tokens are revoked one by one only."
          )}
        </p>
        <WriteOnly>
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Revoke all tokens issued before now
          </Button>
        </WriteOnly>
      </div>
      {page.data.length ? (
        <Table caption="Revoked tokens">
          <THead>
            <tr>
              <Th>Token id (jti)</Th>
              <Th>Revoked</Th>
              <Th>Expires</Th>
            </tr>
          </THead>
          <TBody>
            {page.data.map((t) => (
              <tr key={t.jti}>
                <Td className="font-mono text-xs">{t.jti}</Td>
                <Td>{formatDateTime(t.revoked_at)}</Td>
                <Td>{formatDateTime(t.expires_at)}</Td>
              </tr>
            ))}
          </TBody>
        </Table>
      ) : (
        <EmptyState title="No revoked tokens">The client has not revoked any token that is still unexpired.</EmptyState>
      )}
      {page.next_cursor && <p className="text-sm text-slate-600">Showing the {page.data.length} most recent; the Control API lists the rest.</p>}
      <ConfirmDialog
        open={confirming}
        title={`Revoke all tokens of ${partyRef.party}?`}
        description="Every access token this client was issued until now becomes inactive in introspection, on every instance within a few seconds. Tokens it gets from the next second on are not affected."
        confirmLabel="Revoke all tokens"
        pending={pending}
        onClose={() => setConfirming(false)}
        onConfirm={revokeAll}
      />
    </div>
  );
}
