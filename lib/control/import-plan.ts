import "server-only";
import { ClientKeyError, parseClientKey, type ParsedClientKey } from "@/lib/certificates/parse-client-key";
import type { ExportDocument, ExportParty, ImportPlanRow } from "@/lib/validation/export";
import type { FieldError } from "./errors";
import { exportedParty, isProtectedImportParty, type ExportedParty, type ExportPartyRow } from "./export";
import type { TrackRef } from "./lookup";
import { MAX_KEYS_PER_CLIENT } from "./client-keys";

/** One party of the document, with what the importer will do about it. */
export type PlannedParty = {
  index: number;
  data: ExportParty;
  ownScopes: string[] | null;
  keys: ParsedClientKey[];
  newKeys: ParsedClientKey[];
  existing: ExportPartyRow | null;
  row: ImportPlanRow;
};

export type Plan = { parties: PlannedParty[]; problems: FieldError[] };

const stable = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(stable).join(",")}]`
    : v && typeof v === "object"
      ? `{${Object.keys(v as object)
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : JSON.stringify(v ?? null);

const sorted = (list: readonly string[]) => [...list].sort();

/** The party's own resource scopes after the import: its scopes plus any it grants itself (as a save does). */
function ownScopesOf(p: ExportParty): string[] | null {
  if (!p.resource) return null;
  const self = p.client?.resource_scopes.find((g) => g.resource === p.name)?.scopes ?? [];
  return sorted([...new Set([...p.resource.scopes, ...self])]);
}

/** The document's party in the exporter's shape (keys aside), so that "unchanged" is an exact comparison. */
function asExported(p: ExportParty, ownScopes: string[] | null): Omit<ExportedParty, "client"> & { client: object | null } {
  return {
    name: p.name,
    display_name: p.display_name || null,
    note: p.note || null,
    resource: p.resource ? { scopes: ownScopes ?? [], ...(p.resource.audience ? { audience: p.resource.audience } : {}) } : null,
    client: p.client
      ? {
          auth_method: p.client.auth_method,
          resource_scopes: [...p.client.resource_scopes]
            .map((g) => ({ resource: g.resource, scopes: sorted(g.scopes) }))
            .sort((a, b) => (a.resource < b.resource ? -1 : 1)),
          access_token_lifetime: p.client.access_token_lifetime,
          allow_legacy_assertion_audience: p.client.allow_legacy_assertion_audience,
          strict_auth_method: p.client.strict_auth_method,
          client_credentials_enabled: p.client.client_credentials_enabled,
        }
      : null,
    claim_transforms: p.claim_transforms,
  };
}

function changedFields(before: ExportedParty, after: ReturnType<typeof asExported>): string[] {
  const b = { ...before, client: before.client ? { ...before.client, keys: undefined } : null } as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const out: string[] = [];
  for (const k of ["display_name", "note", "resource", "claim_transforms"]) if (stable(a[k]) !== stable(b[k])) out.push(k);
  const ac = a.client as Record<string, unknown> | null;
  const bc = b.client as Record<string, unknown> | null;
  if (!ac || !bc) {
    if (ac !== bc) out.push("client");
  } else {
    for (const k of Object.keys(ac)) if (stable(ac[k]) !== stable(bc[k])) out.push(`client.${k}`);
  }
  return out;
}

async function parseKeys(p: ExportParty, index: number, problems: FieldError[]): Promise<ParsedClientKey[]> {
  const out: ParsedClientKey[] = [];
  for (const [k, key] of (p.client?.keys ?? []).entries()) {
    const field = `parties.${index}.client.keys.${k}`;
    try {
      const parsed = await parseClientKey(key.certificate ? { kind: "pem", text: key.certificate } : { kind: "jwk", jwk: key.jwk });
      if (parsed.kid !== key.kid) problems.push({ field: `${field}.kid`, message: `Key id '${key.kid}' does not match the key (its id is '${parsed.kid}').` });
      else if (out.some((o) => o.kid === parsed.kid)) problems.push({ field: `${field}.kid`, message: `Duplicate key '${key.kid}'.` });
      else out.push(parsed);
    } catch (e) {
      if (!(e instanceof ClientKeyError)) throw e;
      problems.push({ field: key.certificate ? `${field}.certificate` : `${field}.jwk`, message: e.message });
    }
  }
  return out;
}

function conflictOf(existing: ExportedParty, p: ExportParty, keys: ParsedClientKey[], newKeys: ParsedClientKey[]): string | undefined {
  if (existing.client && !p.client) return "The document has no client part: importing would delete the client's secrets and keys.";
  if (existing.resource && !p.resource) return "The document has no resource part: importing would take the resource from the clients granted it.";
  for (const k of keys) {
    const stored = existing.client?.keys.find((s) => s.kid === k.kid);
    const material = (s: { certificate?: string; jwk?: Record<string, unknown> }) => s.certificate?.trim() ?? stable(s.jwk);
    if (stored && material(stored) !== (k.certificatePem?.trim() ?? stable(k.jwk))) {
      return `Key '${k.kid}' differs from the client's stored key with the same id.`;
    }
  }
  if ((existing.client?.keys.length ?? 0) + newKeys.length > MAX_KEYS_PER_CLIENT) {
    return `The client would have more than ${MAX_KEYS_PER_CLIENT} keys; delete some first.`;
  }
  return undefined;
}

/** References: every granted resource is in the document or already a resource of the track, with the scope. */
function checkReferences(doc: ExportDocument, existing: Map<string, ExportPartyRow>, problems: FieldError[]) {
  const inDoc = new Map(doc.parties.map((p) => [p.name, p]));
  doc.parties.forEach((p, i) => {
    p.client?.resource_scopes.forEach((g, j) => {
      const field = `parties.${i}.client.resource_scopes.${j}`;
      const target = inDoc.get(g.resource);
      const stored = existing.get(g.resource);
      const scopes = target ? ownScopesOf(target) : stored?.isResource ? stored.resourceScopes : null;
      if (!scopes) {
        problems.push({ field: `${field}.resource`, message: `Resource '${g.resource}' is neither in the document nor a resource of the track.` });
        return;
      }
      g.scopes.forEach((s, k) => {
        if (!scopes.includes(s)) problems.push({ field: `${field}.scopes.${k}`, message: `Resource '${g.resource}' has no scope '${s}'.` });
      });
    });
  });
}

/** What importing the document into the track would do; writes nothing. */
export async function planImport(doc: ExportDocument, track: TrackRef, rows: ExportPartyRow[]): Promise<Plan> {
  const problems: FieldError[] = [];
  const existing = new Map(rows.map((r) => [r.name, r]));
  doc.parties.forEach((p, i) => {
    if (isProtectedImportParty(track, p.name)) {
      problems.push({ field: `parties.${i}.name`, message: `'${p.name}' is a protected party of ${track.tenantName}/${track.name} and cannot be imported.` });
    }
  });
  checkReferences(doc, existing, problems);
  const parties: PlannedParty[] = [];
  for (const [index, data] of doc.parties.entries()) {
    const keys = await parseKeys(data, index, problems);
    const ownScopes = ownScopesOf(data);
    const stored = existing.get(data.name) ?? null;
    const kind = data.resource && data.client ? "both" : data.client ? "client" : "resource";
    const base = { name: data.name, kind, changes: [] as string[] } as const;
    if (!stored) {
      parties.push({ index, data, ownScopes, keys, newKeys: keys, existing: null, row: { ...base, action: "create", changes: [] } });
      continue;
    }
    const before = exportedParty(stored);
    const newKeys = keys.filter((k) => !before.client?.keys.some((s) => s.kid === k.kid));
    const reason = conflictOf(before, data, keys, newKeys);
    const changes = [...changedFields(before, asExported(data, ownScopes)), ...newKeys.map((k) => `client.keys.${k.kid}`)];
    const row: ImportPlanRow = reason
      ? { ...base, action: "conflict", reason }
      : { ...base, action: changes.length ? "update" : "unchanged", changes };
    parties.push({ index, data, ownScopes, keys, newKeys, existing: stored, row });
  }
  return { parties, problems };
}
