import "server-only";
import { createControlApiResource } from "@/lib/bootstrap/control-api-resource";
import { controlApiScopes, isPrincipal, MASTER } from "@/lib/tenancy";
import { publishChange } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import { createInitialSigningKey } from "@/lib/keys/rotate";
import { recordAudit } from "@/lib/audit";
import { listQuerySchema, tenantCreateSchema, type ListQuery, type TenantCreateInput } from "@/lib/validation";
import { assertAllTenants, type Actor, assertMayWrite } from "./actor";
import { inTransaction } from "./db";
import { conflict, forbidden } from "./errors";
import { findTenantRef } from "./lookup";
import { decodeCursor, toPage, type Page } from "./paging";
import { parseInput } from "./parse";
import { tenantSelect, tenantView, type TenantView } from "./views";

export async function listTenants(actor: Actor, query: ListQuery = {}): Promise<Page<TenantView>> {
  if (!isPrincipal(actor)) throw forbidden();
  const q = parseInput(listQuerySchema, query);
  const after = decodeCursor(q.cursor);
  const rows = await getDb().tenant.findMany({
    where: {
      AND: [
        actor.tenant === null ? {} : { name: actor.tenant },
        q.filter ? { name: { contains: q.filter.toLowerCase() } } : {},
        after ? { name: { gt: after } } : {},
      ],
    },
    orderBy: { name: "asc" },
    take: q.page_size + 1,
    select: tenantSelect,
  });
  return toPage(rows, q.page_size, tenantView, (r) => r.name);
}

export async function getTenant(actor: Actor, tenant: string): Promise<TenantView> {
  const ref = await findTenantRef(actor, tenant);
  return tenantView(await getDb().tenant.findUniqueOrThrow({ where: { id: ref.id }, select: tenantSelect }));
}

/** A new tenant with its `master` track, that track's first signing key and the Control API resource. */
export async function createTenant(actor: Actor, input: TenantCreateInput): Promise<TenantView> {
  assertMayWrite(actor);
  assertAllTenants(actor);
  const data = parseInput(tenantCreateSchema, input);
  const taken = `Tenant '${data.name}' already exists.`;
  if (await getDb().tenant.findUnique({ where: { name: data.name }, select: { id: true } })) throw conflict(taken);
  return inTransaction(async (tx) => {
    const tenant = await tx.tenant.create({
      data: { name: data.name, displayName: data.display_name || null },
      select: { ...tenantSelect, id: true },
    });
    const track = await tx.track.create({
      data: { tenantId: tenant.id, name: MASTER, displayName: "Master" },
      select: { id: true, name: true, signingAlgorithm: true },
    });
    await createInitialSigningKey(tx, { ...track, tenantName: tenant.name });
    await createControlApiResource(tx, track.id, controlApiScopes(tenant.name));
    await recordAudit(tx, actor, {
      action: "tenant.create",
      tenant: { id: tenant.id, name: tenant.name },
      targetType: "tenant",
      targetName: tenant.name,
      changes: { name: { to: tenant.name }, display_name: { to: tenant.displayName } },
    });
    await publishChange(tx, "tenant", tenant.id);
    return tenantView(tenant);
  }, taken);
}

export async function deleteTenant(actor: Actor, tenant: string): Promise<void> {
  assertMayWrite(actor);
  assertAllTenants(actor);
  const ref = await findTenantRef(actor, tenant);
  if (ref.name === MASTER) throw conflict("The master tenant cannot be deleted.");
  await inTransaction(async (tx) => {
    const tracks = await tx.track.findMany({ where: { tenantId: ref.id }, select: { id: true } });
    await tx.tenant.delete({ where: { id: ref.id } });
    await recordAudit(tx, actor, { action: "tenant.delete", tenant: ref, targetType: "tenant", targetName: ref.name });
    await publishChange(tx, "tenant", ref.id);
    for (const t of tracks) await publishChange(tx, "track", t.id);
  });
}
