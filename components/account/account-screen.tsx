"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";
import { applyResult } from "@/components/forms/apply-result";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "@/components/ui/format";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import type { AdminSessionView } from "@/lib/validation";
import { signOutEverywhereAction } from "./actions";
import { PasswordForm } from "./password-form";

export function AccountScreen({ sessions: initial }: { sessions: AdminSessionView[] }) {
  const toast = useToast();
  const [sessions, setSessions] = useState(initial);
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);

  async function everywhere() {
    setPending(true);
    const r = applyResult(await signOutEverywhereAction(), { toast });
    setPending(false);
    if (!r) return;
    await signOut({ redirect: false });
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    window.location.assign("/signin");
  }

  return (
    <>
      <Card title="Change password" description="Your current password is needed. Your other sessions end when it changes.">
        <PasswordForm onChanged={setSessions} />
      </Card>
      <Card title="Active sessions" description="Every browser signed in to your account. Sessions last 8 hours from sign-in.">
        <div className="space-y-4">
          <Table caption="Active sessions">
            <THead>
              <tr>
                <Th>Browser</Th>
                <Th>Address</Th>
                <Th>Signed in</Th>
                <Th>Last seen</Th>
              </tr>
            </THead>
            <TBody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <Td title={s.user_agent ?? undefined}>
                    {s.current && <Badge tone="blue">This session</Badge>}{" "}
                    <span className="inline-block max-w-xs truncate align-bottom">{s.user_agent ?? "Unknown"}</span>
                  </Td>
                  <Td>{s.address ?? "Unknown"}</Td>
                  <Td>{formatDateTime(s.created_at)}</Td>
                  <Td>{formatDateTime(s.last_seen_at)}</Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <Button variant="danger" onClick={() => setConfirming(true)}>
            Sign out everywhere
          </Button>
        </div>
      </Card>
      <ConfirmDialog
        open={confirming}
        title="Sign out everywhere?"
        description="Every session of your account ends now, on every instance, this one included. You will sign in again."
        confirmLabel="Sign out everywhere"
        pending={pending}
        onConfirm={everywhere}
        onClose={() => setConfirming(false)}
      />
    </>
  );
}
