import { adminUserPasswordReset } from "@/lib/control-api/admin-user-routes";

export const dynamic = "force-dynamic";

export const { POST, GET, PUT, PATCH, DELETE } = adminUserPasswordReset("/api/control/admin-users/{id}/reset-password");
