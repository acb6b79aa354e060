import type { Prisma } from "@/lib/db/generated/client";
import type { AdminSessionView, AdminUserView } from "@/lib/validation";

// Never the password hash: only lib/auth's sign-in and the password change read it.
export const adminUserSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabledAt: true,
  mustChangePassword: true,
  lastSignInAt: true,
  createdAt: true,
  updatedAt: true,
  tenantId: true,
  tenant: { select: { name: true } },
} as const satisfies Prisma.AdminUserSelect;
export type AdminUserRow = Prisma.AdminUserGetPayload<{ select: typeof adminUserSelect }>;

export function adminUserView(u: AdminUserRow): AdminUserView {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role,
    tenant: u.tenant?.name ?? null,
    disabled: u.disabledAt !== null,
    must_change_password: u.mustChangePassword,
    last_sign_in_at: u.lastSignInAt?.toISOString() ?? null,
    created_at: u.createdAt.toISOString(),
    updated_at: u.updatedAt.toISOString(),
  };
}

export const adminSessionSelect = {
  id: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  userAgent: true,
  address: true,
} as const satisfies Prisma.AdminSessionSelect;
type AdminSessionRow = Prisma.AdminSessionGetPayload<{ select: typeof adminSessionSelect }>;

export function adminSessionView(s: AdminSessionRow, currentId: string | null): AdminSessionView {
  return {
    id: s.id,
    created_at: s.createdAt.toISOString(),
    last_seen_at: s.lastSeenAt.toISOString(),
    expires_at: s.expiresAt.toISOString(),
    user_agent: s.userAgent,
    address: s.address,
    current: s.id === currentId,
  };
}
