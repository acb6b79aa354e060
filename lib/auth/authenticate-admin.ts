import "server-only";
import { getDb } from "@/lib/db";
import { hashSecret, verifySecret } from "@/lib/secrets";
import { clearAccountFailures, lockedUntil, recordFailedSignIn } from "./login-throttle";

export type AdminIdentity = { id: string; email: string; name: string | null; tenant: string | null };

/** A sign-in refusal whose message the sign-in page shows as it is. */
export class SignInError extends Error {}

const WRONG = "The e-mail address or password is wrong.";

// A hash to verify against when the account does not exist, so that answer takes as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function authenticateAdmin(input: {
  email: unknown;
  password: unknown;
  address: string | null;
}): Promise<AdminIdentity> {
  const email = typeof input.email === "string" ? input.email.trim().toLowerCase() : "";
  const password = typeof input.password === "string" ? input.password : "";
  if (!email || !password || email.length > 320 || password.length > 200) throw new SignInError(WRONG);

  const keys = { account: email, address: input.address };
  const until = await lockedUntil(keys);
  if (until) {
    const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
    throw new SignInError(`Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }

  const user = await getDb().adminUser.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, tenant: { select: { name: true } } },
  });
  dummyHash ??= hashSecret("fennec-no-such-admin");
  const ok = await verifySecret(user?.passwordHash ?? (await dummyHash), password);
  if (!user || !ok) {
    await recordFailedSignIn(keys);
    throw new SignInError(WRONG);
  }
  await clearAccountFailures(email);
  return { id: user.id, email: user.email, name: user.name, tenant: user.tenant?.name ?? null };
}

/** The client's address as the nearest proxy (or Next itself) recorded it. */
export function clientAddress(headers: Record<string, string | string[] | undefined> | undefined): string | null {
  const raw = headers?.["x-forwarded-for"];
  const value = Array.isArray(raw) ? raw.join(",") : raw;
  const last = value?.split(",").map((s) => s.trim()).filter(Boolean).pop();
  return last ? last.slice(0, 100) : null;
}
