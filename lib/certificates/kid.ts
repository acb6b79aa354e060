import { ClientKeyError } from "./client-key-error";

// A client key's id is a path segment of the Control API (…/keys/{kid}): letters, digits and . _ ~ + = : -
// only, and not made of dots alone, so that no kid can be "..", hold a slash or need an encoding that
// a path would decode differently. Thumbprint kids (base64url) always fit.
export const KID_PATTERN = /^(?!\.+$)[A-Za-z0-9._~+=:-]{1,200}$/;

export const KID_RULE = 'a key id ("kid") is 1–200 letters, digits and . _ ~ + = : - (not dots alone)';

export function assertSafeKid(kid: string): string {
  if (!KID_PATTERN.test(kid)) throw new ClientKeyError(`The key id "${kid.replace(/[^\x20-\x7e]/g, "?").slice(0, 60)}" is not accepted: ${KID_RULE}.`);
  return kid;
}
