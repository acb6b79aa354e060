import { adminUserItem } from "@/lib/control-api/admin-user-routes";

export const dynamic = "force-dynamic";

export const { GET, PATCH, DELETE, POST, PUT } = adminUserItem("/api/control/admin-users/{id}");
