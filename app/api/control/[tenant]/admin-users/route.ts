import { adminUsersCollection } from "@/lib/control-api/admin-user-routes";

export const dynamic = "force-dynamic";

export const { GET, POST, PUT, PATCH, DELETE } = adminUsersCollection("/api/control/{tenant}/admin-users");
