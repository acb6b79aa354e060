import { forbidden } from "./errors";

/**
 * Who performs a domain operation. `tenant` is a lowercase tenant name, or null for every tenant
 * (a master administrator, or a client holding `control_api:master` from master/master).
 */
export type Actor =
  | { kind: "admin"; id: string; email: string; tenant: string | null }
  | { kind: "client"; clientId: string; tenant: string | null };

export function hasAllTenants(actor: Actor): boolean {
  return actor.tenant === null;
}

export function canAccessTenant(actor: Actor, tenant: string): boolean {
  return actor.tenant === null || actor.tenant === tenant.toLowerCase();
}

/** Fails closed: anything but an explicit match on the actor's own tenant or all-tenant access is refused. */
export function assertTenantAccess(actor: Actor, tenant: string): void {
  if (!actor || (actor.kind !== "admin" && actor.kind !== "client")) throw forbidden();
  if (!canAccessTenant(actor, tenant)) throw forbidden(`You may not manage tenant '${tenant.toLowerCase()}'.`);
}

export function assertAllTenants(actor: Actor): void {
  if (!actor || (actor.kind !== "admin" && actor.kind !== "client") || actor.tenant !== null) {
    throw forbidden("Only a master administrator may do this.");
  }
}

/** How the audit trail names the actor. */
export function actorLabel(actor: Actor): { actorType: string; actor: string } {
  return actor.kind === "admin"
    ? { actorType: "admin", actor: actor.email }
    : { actorType: "client", actor: actor.clientId };
}
