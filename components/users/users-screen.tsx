"use client";

import { useState } from "react";
import { applyResult } from "@/components/forms/apply-result";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { formatDateTime } from "@/components/ui/format";
import { useCanWrite } from "@/components/ui/read-only";
import { SecretOnce } from "@/components/ui/secret-once";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { MASTER } from "@/lib/tenancy";
import type { AdminUserView } from "@/lib/validation";
import { deleteUserAction, resetUserPasswordAction, setUserDisabledAction } from "./actions";
import { NewUserDialog } from "./new-user-dialog";
import { roleLabel } from "./role-label";

type Confirm = { kind: "delete" | "reset" | "disable"; user: AdminUserView } | null;

/**
 * The administrators of one tenant (the page's), and for an all-tenant administrator also the all-tenant
 * accounts: managed on master's page, listed read-only on the others.
 */
export function UsersScreen({ initial, me, tenant, allTenants }: { initial: AdminUserView[]; me: string; tenant: string; allTenants: boolean }) {
  const toast = useToast();
  const canWrite = useCanWrite();
  const manages = (u: AdminUserView) => u.tenant === tenant || (u.tenant === null && tenant === MASTER);
  const [users, setUsers] = useState(initial);
  const [creating, setCreating] = useState(false);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [pending, setPending] = useState(false);
  const [shown, setShown] = useState<{ email: string; password: string } | null>(null);

  async function run() {
    if (!confirm) return;
    setPending(true);
    const { kind, user } = confirm;
    if (kind === "reset") {
      const r = applyResult(await resetUserPasswordAction(tenant, user.tenant, user.id), { toast, success: `Password of ${user.email} reset.` });
      if (r) {
        setUsers(r.users);
        if (r.oneTimePassword) setShown({ email: r.email, password: r.oneTimePassword });
      }
    } else {
      const r =
        kind === "delete"
          ? applyResult(await deleteUserAction(tenant, user.tenant, user.id), { toast, success: `${user.email} deleted.` })
          : applyResult(await setUserDisabledAction(tenant, user.tenant, user.id, true), { toast, success: `${user.email} disabled.` });
      if (r) setUsers(r.users);
    }
    setPending(false);
    setConfirm(null);
  }

  async function enable(user: AdminUserView) {
    const r = applyResult(await setUserDisabledAction(tenant, user.tenant, user.id, false), { toast, success: `${user.email} enabled.` });
    if (r) setUsers(r.users);
  }

  return (
    <div className="space-y-4">
      {canWrite && (
        <div className="flex justify-end">
          <Button onClick={() => setCreating(true)}>+ New administrator</Button>
        </div>
      )}
      {shown && (
        <SecretOnce title={`One-time password for ${shown.email}`} secret={shown.password} onDismiss={() => setShown(null)} />
      )}
      <Table caption="Administrators">
        <THead>
          <tr>
            <Th>E-mail</Th>
            <Th>Role</Th>
            <Th>Last sign-in</Th>
            <Th>Status</Th>
            {canWrite && (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </tr>
        </THead>
        <TBody>
          {users.map((u) => (
            <tr key={u.id}>
              <Td>
                {u.email} {u.id === me && <Badge tone="blue">You</Badge>}
              </Td>
              <Td>{roleLabel(u)}</Td>
              <Td>{u.last_sign_in_at ? formatDateTime(u.last_sign_in_at) : "Never"}</Td>
              <Td>
                {u.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}{" "}
                {u.must_change_password && <Badge tone="orange">Must change password</Badge>}
              </Td>
              {canWrite && (
                <Td className="text-right whitespace-nowrap">
                  {u.id !== me && !manages(u) && <span className="text-xs text-slate-500">Managed in tenant {MASTER}</span>}
                  {u.id !== me && manages(u) && (
                    <>
                      <Button variant="ghost" size="sm" aria-label={`Reset password of ${u.email}`} onClick={() => setConfirm({ kind: "reset", user: u })}>
                        Reset password
                      </Button>
                      {u.disabled ? (
                        <Button variant="ghost" size="sm" aria-label={`Enable ${u.email}`} onClick={() => enable(u)}>
                          Enable
                        </Button>
                      ) : (
                        <Button variant="ghost" size="sm" aria-label={`Disable ${u.email}`} onClick={() => setConfirm({ kind: "disable", user: u })}>
                          Disable
                        </Button>
                      )}
                      <Button variant="ghost" size="sm" aria-label={`Delete ${u.email}`} onClick={() => setConfirm({ kind: "delete", user: u })}>
                        Delete
                      </Button>
                    </>
                  )}
                </Td>
              )}
            </tr>
          ))}
        </TBody>
      </Table>
      <NewUserDialog
        open={creating}
        onClose={() => setCreating(false)}
        tenant={tenant}
        everyTenant={allTenants && tenant === MASTER}
        onCreated={(r) => {
          setUsers(r.users);
          if (r.oneTimePassword) setShown({ email: r.email, password: r.oneTimePassword });
        }}
      />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.kind === "delete" ? "Delete this administrator?" : confirm?.kind === "reset" ? "Reset this password?" : "Disable this administrator?"}
        description={
          confirm?.kind === "delete"
            ? `${confirm.user.email} can no longer sign in. This cannot be undone.`
            : confirm?.kind === "reset"
              ? `${confirm?.user.email} is signed out everywhere and gets a one-time password, shown once, to change at the next sign-in.`
              : `${confirm?.user.email} is signed out everywhere and cannot sign in until enabled again.`
        }
        confirmLabel={confirm?.kind === "delete" ? "Delete" : confirm?.kind === "reset" ? "Reset password" : "Disable"}
        pending={pending}
        onConfirm={run}
        onClose={() => setConfirm(null)}
      />
    </div>
  );
}
