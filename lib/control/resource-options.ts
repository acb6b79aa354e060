import "server-only";
import { getDb } from "@/lib/db";
import type { Actor } from "./actor";
import { findTrackRef } from "./lookup";

export type ResourceOption = { name: string; scopes: string[] };
export type ResourceOptions = { options: ResourceOption[]; more: boolean };

const MAX_FILTER = 100;
const MAX_INCLUDE = 200;

/**
 * The track's resources and their scopes for the grants picker, read on the server a page at a time
 * (a track may hold 20,000 parties): the first `limit` by name whose name or display name contains
 * `filter`, plus those named in `include` (the grants a client already has), and whether more match.
 */
export async function listResourceOptions(
  actor: Actor,
  tenant: string,
  track: string,
  opts: { filter?: string; include?: string[]; limit?: number } = {},
): Promise<ResourceOptions> {
  const t = await findTrackRef(actor, tenant, track);
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 100);
  const f = (opts.filter ?? "").trim().slice(0, MAX_FILTER);
  const select = { name: true, resourceScopes: true } as const;
  const rows = await getDb().party.findMany({
    where: {
      trackId: t.id,
      isResource: true,
      ...(f ? { OR: [{ name: { contains: f.toLowerCase() } }, { displayName: { contains: f, mode: "insensitive" as const } }] } : {}),
    },
    orderBy: { name: "asc" },
    take: limit + 1,
    select,
  });
  const shown = rows.slice(0, limit);
  const missing = (opts.include ?? []).slice(0, MAX_INCLUDE).filter((n) => !shown.some((r) => r.name === n));
  const extra = missing.length
    ? await getDb().party.findMany({ where: { trackId: t.id, isResource: true, name: { in: missing } }, orderBy: { name: "asc" }, select })
    : [];
  const options = [...shown, ...extra].map((r) => ({ name: r.name, scopes: r.resourceScopes }));
  return { options: options.sort((a, b) => a.name.localeCompare(b.name)), more: rows.length > limit };
}
