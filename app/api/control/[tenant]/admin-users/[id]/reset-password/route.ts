import { adminUserPasswordReset } from "@/lib/control-api/admin-user-routes";

export const dynamic = "force-dynamic";

export const { POST, GET, PUT, PATCH, DELETE } = adminUserPasswordReset("/api/control/{tenant}/admin-users/{id}/reset-password");
