/**
 * Who performs an operation. For a person or a Control API client, `tenant` is a lowercase tenant
 * name, or null for every tenant (a master administrator, or a client holding `control_api:master`
 * from master/master). `system` is Fennec itself (first start, the key schedule): it appears in the
 * audit trail and is never granted access through these predicates.
 */
export type Actor =
  | { kind: "admin"; id: string; email: string; tenant: string | null; role: AdminRole }
  | { kind: "client"; clientId: string; tenant: string | null }
  | { kind: "system"; name: SystemActorName };

/** An administrator changes what its tenant scope covers; a viewer only reads it. */
export type AdminRole = "admin" | "viewer";
export const ADMIN_ROLES = ["admin", "viewer"] as const satisfies readonly AdminRole[];

export type SystemActorName = "bootstrap" | "key-schedule" | "rotate";
export type PrincipalActor = Extract<Actor, { kind: "admin" | "client" }>;

export const systemActor = (name: SystemActorName): Actor => ({ kind: "system", name });

/** Fails closed: only an administrator or a Control API client is a principal. */
export function isPrincipal(actor: unknown): actor is PrincipalActor {
  const kind = (actor as { kind?: unknown } | null | undefined)?.kind;
  return kind === "admin" || kind === "client";
}

export function hasAllTenants(actor: Actor): boolean {
  return isPrincipal(actor) && actor.tenant === null;
}

export function canAccessTenant(actor: Actor, tenant: string): boolean {
  return isPrincipal(actor) && (actor.tenant === null || actor.tenant === tenant.toLowerCase());
}

/** Fails closed: a principal may write unless it is an administrator whose role is not exactly `admin`. */
export function canWrite(actor: Actor): boolean {
  if (!isPrincipal(actor)) return false;
  return actor.kind === "client" || actor.role === "admin";
}
