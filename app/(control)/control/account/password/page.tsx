import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AccountFrame } from "@/components/account/account-frame";
import { PasswordForm } from "@/components/account/password-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Change your password" };
export const dynamic = "force-dynamic";

/** Where a one-time password leads: nothing else opens until it is changed. */
export default async function ForcedPasswordChangePage() {
  const actor = await requireAdmin({ passwordChange: true });
  if (!actor.mustChangePassword) redirect("/control/account");
  return (
    <AccountFrame title="Choose your password" description={`You signed in as ${actor.email} with a one-time password. Choose your own before you go on.`}>
      <PasswordForm forced />
    </AccountFrame>
  );
}
