import { canAccessTenant, canWrite, hasAllTenants, isPrincipal, type Actor } from "@/lib/tenancy";
import { forbidden } from "./errors";

export type { Actor } from "@/lib/tenancy";

/** Fails closed: anything but an explicit match on the actor's own tenant or all-tenant access is refused. */
export function assertTenantAccess(actor: Actor, tenant: string): void {
  if (!isPrincipal(actor)) throw forbidden();
  if (!canAccessTenant(actor, tenant)) throw forbidden(`You may not manage tenant '${tenant.toLowerCase()}'.`);
}

export function assertAllTenants(actor: Actor): void {
  if (!isPrincipal(actor) || !hasAllTenants(actor)) throw forbidden("Only a master administrator may do this.");
}

/** Any signed-in administrator or Control API client, and nothing else. */
export function assertPrincipal(actor: Actor): void {
  if (!isPrincipal(actor)) throw forbidden();
}

/** Every write calls this first: a read-only viewer (or anything that is not a principal) is refused. */
export function assertMayWrite(actor: Actor): void {
  if (!canWrite(actor)) throw forbidden("Your account is read-only.");
}
