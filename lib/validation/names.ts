import { z } from "zod";

// As in FoxIDs, names are trimmed, lowercased and match ^[\w-]+$ with at most 50 characters.
export const NAME_PATTERN = /^[\w-]{1,50}$/;

// Tenant names that collide with the app's own top-level routes (/api, /control, /signin, /healthz, …), plus `tenants`,
// which /api/control/tenants/... would shadow.
export const RESERVED_TENANT_NAMES = [
  "api",
  "control",
  "signin",
  "signout",
  "auth",
  "healthz",
  "readyz",
  "_next",
  "static",
  "public",
  "favicon.ico",
  "tenants",
  "admin-users",
  // /control/account is the signed-in administrator's own page
  "account",
] as const;
// /api/control/{tenant}/tracks/..., /api/control/{tenant}/audit and /api/control/{tenant}/admin-users/... would shadow these track names.
export const RESERVED_TRACK_NAMES = ["tracks", "audit", "admin-users"] as const;
// {issuer}oauth/token is the track's token endpoint; a party named `oauth` would shadow its own.
export const RESERVED_PARTY_NAMES = ["oauth"] as const;

export function nameSchema(what: string, reserved: readonly string[] = []) {
  return z
    .string({ error: `${what} name is required.` })
    .trim()
    .toLowerCase()
    .regex(NAME_PATTERN, `${what} name must be 1-50 letters, digits, '_' or '-'.`)
    .refine((v) => !reserved.includes(v), { message: `${what} name is reserved.` });
}

export const tenantNameSchema = nameSchema("Tenant", RESERVED_TENANT_NAMES);
export const trackNameSchema = nameSchema("Track", RESERVED_TRACK_NAMES);
export const partyNameSchema = nameSchema("Party", RESERVED_PARTY_NAMES);

// FoxIDs track display name: ^[\w;:\/\-.,+ ]*$ ≤ 100; party display name also allows ()[]{}.
export const displayNameSchema = z
  .string()
  .trim()
  .max(100, "Display name must be at most 100 characters.")
  .regex(/^[\w;:/\-.,+()[\]{} ]*$/, "Display name may hold letters, digits, spaces and ;:/-.,+()[]{}.");

export const noteSchema = z.string().trim().max(200, "Note must be at most 200 characters.");
