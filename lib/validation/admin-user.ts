import { z } from "zod";
import { ADMIN_ROLES } from "@/lib/tenancy/actor";
import { tenantNameSchema } from "./names";

// The same loose grammar as sign-in (the first administrator is admin@localhost), lowercased.
export const adminEmailSchema = z
  .string({ error: "E-mail address is required." })
  .trim()
  .toLowerCase()
  .min(1, "Enter an e-mail address.")
  .max(320, "An e-mail address has at most 320 characters.")
  .regex(/^[^\s@]+@[^\s@]+$/, "Enter a valid e-mail address.");

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 200;

// Length only: strength (common passwords, the e-mail itself) is judged on the server by zxcvbn.
export const newPasswordSchema = z
  .string({ error: "Password is required." })
  .min(PASSWORD_MIN, `A password has at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `A password has at most ${PASSWORD_MAX} characters.`);

export const adminRoleSchema = z.enum(ADMIN_ROLES, { error: "Role must be 'admin' or 'viewer'." });

/**
 * A new administrator. `tenant` null (or absent) is every tenant; under /api/control/{tenant}/admin-users
 * the path's tenant is used. Without `password` a one-time password is generated, shown once, and must be
 * changed at the first sign-in.
 */
export const adminUserCreateSchema = z.object({
  email: adminEmailSchema,
  name: z.string().trim().max(100, "A name has at most 100 characters.").nullish(),
  role: adminRoleSchema,
  tenant: tenantNameSchema.nullish(),
  password: newPasswordSchema.nullish(),
});
export type AdminUserCreateInput = z.input<typeof adminUserCreateSchema>;

export const adminUserUpdateSchema = z.object({
  disabled: z.boolean({ error: "disabled must be true or false." }),
});
export type AdminUserUpdateInput = z.input<typeof adminUserUpdateSchema>;

export const passwordChangeSchema = z
  .object({
    current_password: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX),
    new_password: newPasswordSchema,
    confirm_password: z.string().max(PASSWORD_MAX),
  })
  .refine((v) => v.new_password === v.confirm_password, { path: ["confirm_password"], message: "The passwords do not match." });
export type PasswordChangeInput = z.input<typeof passwordChangeSchema>;

export const adminUserQuerySchema = z.object({
  filter: z.string().trim().max(100).optional(),
  page_size: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(600).optional(),
});
export type AdminUserQuery = z.input<typeof adminUserQuerySchema>;

export const adminUserViewSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: adminRoleSchema,
  tenant: z.string().nullable().describe("null: every tenant"),
  disabled: z.boolean(),
  must_change_password: z.boolean(),
  last_sign_in_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type AdminUserView = z.output<typeof adminUserViewSchema>;
export const adminUserPageSchema = z.object({ data: z.array(adminUserViewSchema), next_cursor: z.string().nullable() });
export const adminUserWithPasswordSchema = z.object({
  user: adminUserViewSchema,
  one_time_password: z.string().nullable().describe("shown in this answer only; null when the creator set the password"),
});

/** A created user or a reset password: the one-time password appears in this answer only. */
export type AdminUserWithPassword = { user: AdminUserView; one_time_password: string | null };

export type AdminSessionView = {
  id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  user_agent: string | null;
  address: string | null;
  current: boolean;
};
