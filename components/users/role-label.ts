import type { AdminUserView } from "@/lib/validation";

/** The three roles of README "Admin users and roles", from a user's role and tenant. */
export function roleLabel(u: Pick<AdminUserView, "role" | "tenant">): string {
  if (u.role === "viewer") return u.tenant ? `Viewer of ${u.tenant}` : "Viewer of every tenant";
  return u.tenant ? `Administrator of ${u.tenant}` : "All-tenant administrator";
}
