import type { Metadata } from "next";
import { AccountScreen } from "@/components/account/account-screen";
import { AccountFrame } from "@/components/account/account-frame";
import { requireAdmin } from "@/lib/auth/session";
import { listOwnSessions } from "@/lib/control";
import { roleLabel } from "@/components/users/role-label";

export const metadata: Metadata = { title: "Your account" };
export const dynamic = "force-dynamic";

export default async function AccountPage() {
  const actor = await requireAdmin();
  const sessions = await listOwnSessions(actor, actor.sessionId);
  return (
    <AccountFrame title="Your account" description={`Signed in as ${actor.email}, ${roleLabel(actor).toLowerCase()}.`}>
      <AccountScreen sessions={sessions} />
    </AccountFrame>
  );
}
