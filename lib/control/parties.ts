import "server-only";
import { assertMayWrite } from "./actor";
import { publishChange } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { listQuerySchema, type ListQuery } from "@/lib/validation";
import type { Actor } from "./actor";
import { inTransaction } from "./db";
import { conflict } from "./errors";
import { findPartyRef, findTrackRef } from "./lookup";
import { decodeCursor, toPage, type Page } from "./paging";
import { parseInput } from "./parse";
import { isProtectedParty } from "@/lib/tenancy";
import { assertMayChangeClient } from "./privilege";
import { partySelect, partyView, type PartyView } from "./views";

export { createParty, updateParty, type CreatedParty } from "./party-write";

export type PartyRefInput = { tenant: string; track: string; party: string };

/** Parties of a track by name; `filter` matches name or display name. */
export async function listParties(
  actor: Actor,
  tenant: string,
  track: string,
  query: ListQuery = {},
): Promise<Page<PartyView>> {
  const t = await findTrackRef(actor, tenant, track);
  const q = parseInput(listQuerySchema, query);
  const after = decodeCursor(q.cursor);
  const f = q.filter;
  const rows = await getDb().party.findMany({
    where: {
      trackId: t.id,
      AND: [
        f
          ? { OR: [{ name: { contains: f.toLowerCase() } }, { displayName: { contains: f, mode: "insensitive" } }] }
          : {},
        after ? { name: { gt: after } } : {},
      ],
    },
    orderBy: { name: "asc" },
    take: q.page_size + 1,
    select: partySelect,
  });
  return toPage(rows, q.page_size, partyView, (r) => r.name);
}

export async function getParty(actor: Actor, ref: PartyRefInput): Promise<PartyView> {
  const p = await findPartyRef(actor, ref);
  return partyView(await getDb().party.findUniqueOrThrow({ where: { id: p.id }, select: partySelect }));
}

export async function deleteParty(actor: Actor, ref: PartyRefInput): Promise<void> {
  assertMayWrite(actor);
  const p = await findPartyRef(actor, ref);
  if (isProtectedParty(p.track.name, p.name)) {
    throw conflict(`'${p.name}' is the tenant's Control API resource and cannot be deleted.`);
  }
  await inTransaction(async (tx) => {
    await assertMayChangeClient(actor, p, tx);
    const clients = await tx.clientGrant.findMany({
      where: { resourceId: p.id, clientId: { not: p.id } },
      select: { clientId: true },
    });
    await tx.party.delete({ where: { id: p.id } });
    await recordAudit(tx, actor, {
      action: "party.delete",
      tenant: { id: p.track.tenantId, name: p.track.tenantName },
      track: p.track.name,
      targetType: "party",
      targetName: p.name,
    });
    await publishChange(tx, "party", p.id);
    for (const c of clients) await publishChange(tx, "party", c.clientId);
  });
}
