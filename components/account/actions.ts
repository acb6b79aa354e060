"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { changeOwnPasswordThrottled } from "@/lib/auth/change-password";
import { listOwnSessions, signOutEverywhere } from "@/lib/control";
import type { PasswordChangeInput } from "@/lib/validation";

// Changes to the caller's own account: viewers may make them, and the password change is the one
// thing an administrator holding a one-time password may do.

export async function changePasswordAction(input: PasswordChangeInput) {
  return adminAction(
    async (actor) => {
      await changeOwnPasswordThrottled(actor, input);
      return { sessions: await listOwnSessions(actor, actor.sessionId) };
    },
    { viewers: true, passwordChange: true },
  );
}

export async function signOutEverywhereAction() {
  return adminAction(async (actor) => ({ ended: await signOutEverywhere(actor) }), { viewers: true, passwordChange: true });
}
