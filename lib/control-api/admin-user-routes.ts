import "server-only";
import {
  createAdminUser,
  deleteAdminUser,
  getAdminUser,
  listAdminUsers,
  resetAdminUserPassword,
  updateAdminUser,
} from "@/lib/control/admin-users";
import type { AdminUserCreateInput, AdminUserUpdateInput } from "@/lib/validation";
import { controlRoute, methodNotAllowed } from "./control-route";
import { readJson } from "./read-body";
import { json, noContent, queryOf } from "./respond";
import { CONTROL_API_ROUTES } from "./routes";

// /api/control/admin-users/... (every tenant) and /api/control/{tenant}/admin-users/... (one tenant) are
// the same handlers over two scopes; the domain checks the caller against the scope.
type P = { tenant?: string; id?: string };
const scopeOf = (p: P) => p.tenant ?? null;
const base = (p: P) => (p.tenant ? `/api/control/${p.tenant}/admin-users` : "/api/control/admin-users");
type Path = keyof typeof CONTROL_API_ROUTES;

export function adminUsersCollection(path: Path) {
  const notAllowed = methodNotAllowed(CONTROL_API_ROUTES[path]);
  return {
    GET: controlRoute<P>(async ({ req, actor, params }) => json(await listAdminUsers(actor, scopeOf(params), queryOf(req)))),
    POST: controlRoute<P>(async ({ req, actor, params }) => {
      const created = await createAdminUser(actor, scopeOf(params), await readJson<AdminUserCreateInput>(req));
      return json(created, { status: 201, noStore: true, location: `${base(params)}/${created.user.id}` });
    }),
    PUT: notAllowed,
    PATCH: notAllowed,
    DELETE: notAllowed,
  };
}

export function adminUserItem(path: Path) {
  const notAllowed = methodNotAllowed(CONTROL_API_ROUTES[path]);
  return {
    GET: controlRoute<P>(async ({ actor, params }) => json(await getAdminUser(actor, scopeOf(params), params.id ?? ""))),
    PATCH: controlRoute<P>(async ({ req, actor, params }) =>
      json(await updateAdminUser(actor, scopeOf(params), params.id ?? "", await readJson<AdminUserUpdateInput>(req))),
    ),
    DELETE: controlRoute<P>(async ({ actor, params }) => {
      await deleteAdminUser(actor, scopeOf(params), params.id ?? "");
      return noContent();
    }),
    POST: notAllowed,
    PUT: notAllowed,
  };
}

export function adminUserPasswordReset(path: Path) {
  const notAllowed = methodNotAllowed(CONTROL_API_ROUTES[path]);
  return {
    POST: controlRoute<P>(async ({ actor, params }) =>
      json(await resetAdminUserPassword(actor, scopeOf(params), params.id ?? ""), { noStore: true }),
    ),
    GET: notAllowed,
    PUT: notAllowed,
    PATCH: notAllowed,
    DELETE: notAllowed,
  };
}
