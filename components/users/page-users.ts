import "server-only";
import { listAdminUsers } from "@/lib/control";
import { hasAllTenants, type Actor } from "@/lib/tenancy";
import type { AdminUserView } from "@/lib/validation";

// The Users page of a tenant (README "Admin users and roles"): that tenant's administrators, as
// /api/control/{tenant}/admin-users lists them, and, to whoever may list every tenant's, also the
// all-tenant accounts, which reach this tenant too. Those are managed on master's Users page only.

const PAGE = 500;
const MAX_PAGES = 40;

async function allTenantAccounts(actor: Actor): Promise<AdminUserView[]> {
  const found: AdminUserView[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await listAdminUsers(actor, null, { page_size: PAGE, cursor });
    found.push(...page.data.filter((u) => u.tenant === null));
    if (!page.next_cursor) break;
    cursor = page.next_cursor;
  }
  return found;
}

export async function usersOfTenantPage(actor: Actor, tenant: string): Promise<AdminUserView[]> {
  const [own, everyTenant] = await Promise.all([
    listAdminUsers(actor, tenant, { page_size: PAGE }),
    hasAllTenants(actor) ? allTenantAccounts(actor) : [],
  ]);
  return [...everyTenant, ...own.data].sort((a, b) => a.email.localeCompare(b.email));
}
