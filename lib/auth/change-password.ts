import "server-only";
import { headers } from "next/headers";
import { changeOwnPassword, invalid, isDomainError } from "@/lib/control";
import { clientAddressOfHeaders } from "@/lib/net/client-address";
import { passwordChangeSchema, type PasswordChangeInput } from "@/lib/validation";
import { beginSignIn, SignInLocked, signInFailed, signInSucceeded } from "./signin-throttle";
import type { AdminActor } from "./session";

// Changing one's password checks the current one: with a stolen session cookie and no limit, that is a
// password oracle. So it spends the same per-account (and per-address) budget as signing in (README
// "Admin users and roles"): counted before the check, locked at the same count for the same time, and
// a right current password (or a successful sign-in) starts the account afresh.

const wrongCurrent = (e: unknown) => isDomainError(e) && e.fields.some((f) => f.field === "current_password");

export async function changeOwnPasswordThrottled(actor: AdminActor, input: PasswordChangeInput): Promise<void> {
  // A request the schema refuses checks no password, so it is not counted.
  if (!passwordChangeSchema.safeParse(input).success) return changeOwnPassword(actor, actor.sessionId, input);
  const h = await headers();
  let attempt;
  try {
    attempt = await beginSignIn(actor.email, clientAddressOfHeaders((name) => h.get(name)));
  } catch (e) {
    if (!(e instanceof SignInLocked)) throw e;
    const minutes = Math.max(1, Math.ceil(e.retryAfterMs / 60_000));
    throw invalid([{ field: "current_password", message: `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.` }]);
  }
  try {
    await changeOwnPassword(actor, actor.sessionId, input);
  } catch (e) {
    if (wrongCurrent(e)) await signInFailed(attempt);
    // refused for the new password: the current one was checked and right
    else if (isDomainError(e)) await signInSucceeded(attempt);
    throw e;
  }
  await signInSucceeded(attempt);
}
