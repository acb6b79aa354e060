import "server-only";
import { getDb } from "@/lib/db";
import { hashSecret, verifySecret } from "@/lib/secrets";
import { beginSignIn, SignInLocked, signInFailed, signInSucceeded } from "./signin-throttle";

export type AdminIdentity = { id: string; email: string; name: string | null; tenant: string | null };

/** A sign-in refusal whose message the sign-in page shows as it is. */
export class SignInError extends Error {}

const WRONG = "The e-mail address or password is wrong.";

// A hash to verify against when the account does not exist, so that answer takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

/**
 * Checks an administrator's e-mail and password. `address` is the client's address as lib/net derives
 * it (null when unknown: then only the account is throttled). An unknown e-mail address and a wrong
 * password get the same answer, are counted alike and take as long.
 */
export async function authenticateAdmin(input: {
  email: unknown;
  password: unknown;
  address: string | null;
}): Promise<AdminIdentity> {
  const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  const password = typeof input.password === "string" ? input.password : "";
  if (!email || !password || email.length > 320 || password.length > 200) throw new SignInError(WRONG);

  let attempt;
  try {
    attempt = await beginSignIn(email, input.address);
  } catch (e) {
    if (!(e instanceof SignInLocked)) throw e;
    const minutes = Math.max(1, Math.ceil(e.retryAfterMs / 60_000));
    throw new SignInError(`Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }

  const user = await getDb().adminUser.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, tenant: { select: { name: true } } },
  });
  dummyHash ??= hashSecret("fennec-no-such-admin");
  const ok = await verifySecret(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !ok) {
    await signInFailed(attempt);
    throw new SignInError(WRONG);
  }
  await signInSucceeded(attempt);
  // Said only to someone who knows the password.
  if (user.disabledAt) throw new SignInError("This account is disabled. Ask an administrator to enable it.");
  await getDb().adminUser.update({ where: { id: user.id }, data: { lastSignInAt: new Date() }, select: { id: true } });
  return { id: user.id, email: user.email, name: user.name, tenant: user.tenant?.name ?? null };
}
