import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { publishChange } from "@/lib/cache/change-feed";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import { diffFields, recordAudit } from "@/lib/audit";
import { generateSecret, hashSecret, secretInfo } from "@/lib/secrets";
import {
  EXPORT_VERSION,
  MAX_IMPORT_BYTES,
  exportDocumentSchema,
  importModeSchema,
  type ExportDocument,
  type ImportMode,
  type ImportResult,
  type PartyData,
} from "@/lib/validation";
import { assertMayWrite, type Actor } from "./actor";
import { checkClaimTransformLimits } from "./claim-limits";
import { inTransaction, type Tx } from "./db";
import { DomainError, invalid, isDomainError, type FieldError } from "./errors";
import { readTrackParties } from "./export";
import { planImport, type Plan, type PlannedParty } from "./import-plan";
import { findTrackRef, type TrackRef } from "./lookup";
import { parseInput } from "./parse";
import { resolveGrants } from "./party-grants";
import { columns, pruneOtherGrants, writeGrants } from "./party-write";
import { assertMayChangeClient, assertMayGrant } from "./privilege";
import { trackSettingsChanges, writeTrackSettings } from "./import-track";
import { partySelect, partyView } from "./views";

type Reader = Tx | ReturnType<typeof getDb>;
const MAX_PROBLEMS = 100;

/** Refuses the document (422), naming each problem; the list is capped so that a hostile file cannot make it huge. */
function refuse(problems: FieldError[]): never {
  const shown = problems.slice(0, MAX_PROBLEMS);
  const more = problems.length - shown.length;
  throw invalid(shown, `The document cannot be imported: ${problems.length} problem${problems.length === 1 ? "" : "s"}${more ? ` (the first ${MAX_PROBLEMS} listed)` : ""}.`);
}

/** The document as the UI uploads it: text, at most MAX_IMPORT_BYTES, JSON. */
export function parseImportText(text: string): unknown {
  if (Buffer.byteLength(text) > MAX_IMPORT_BYTES) {
    throw new DomainError("payload_too_large", `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw invalid([{ field: "(body)", message: "The file is not a JSON document." }]);
  }
}

function parseDocument(raw: unknown): ExportDocument {
  const version = (raw as { fennec_export_version?: unknown } | null)?.fennec_export_version;
  if (typeof version === "number" && Number.isInteger(version) && version > EXPORT_VERSION) {
    refuse([{ field: "fennec_export_version", message: `The document is export version ${version}; this Fennec reads versions up to ${EXPORT_VERSION}. Upgrade Fennec first.` }]);
  }
  try {
    return parseInput(exportDocumentSchema, raw);
  } catch (e) {
    if (isDomainError(e) && e.kind === "validation") refuse(e.fields);
    throw e;
  }
}

async function plan(actor: Actor, track: TrackRef, doc: ExportDocument, db: Reader): Promise<Plan> {
  for (const p of doc.parties) assertMayGrant(actor, track, p);
  const rows = await readTrackParties(db, track);
  const result = await planImport(doc, track, rows);
  const changing = result.parties.filter((p) => p.row.action === "create" || p.row.action === "update");
  for (const p of changing) if (p.existing) await assertMayChangeClient(actor, { id: p.existing.id, track }, db);
  const max = getConfig().maxPartiesPerTrack;
  const creates = result.parties.filter((p) => p.row.action === "create").length;
  if (rows.length + creates > max) {
    result.problems.push({ field: "parties", message: `A track has at most ${max} parties; the import would make ${rows.length + creates}.` });
  }
  // The same check a save runs, with the audiences the document gives its resources.
  for (const p of changing) await checkLimits(db as Tx, track, p, result.problems, audiencesOf(doc));
  return result;
}

const audiencesOf = (doc: ExportDocument) =>
  new Map(doc.parties.flatMap((p) => (p.resource ? [[p.name, p.resource.audience ?? p.name] as const] : [])));

async function checkLimits(tx: Tx, track: TrackRef, p: PlannedParty, problems: FieldError[], audiences?: ReadonlyMap<string, string>) {
  try {
    await checkClaimTransformLimits(tx, track, p.data as PartyData, p.data, audiences);
  } catch (e) {
    if (!isDomainError(e) || e.kind !== "validation") throw e;
    problems.push(...e.fields.map((f) => ({ field: `parties.${p.index}.${f.field}`, message: f.message })));
  }
}

const usesSecret = (p: PlannedParty) => Boolean(p.data.client && p.data.client.auth_method !== "private_key_jwt");

/**
 * POST …/import: `dry_run` returns the plan; `apply` writes it in one transaction (all or nothing),
 * one audit event per party it creates or changes. Clients it creates with a secret method get a new
 * secret, returned here once; secrets and keys of existing clients are never touched.
 */
export async function importTrack(actor: Actor, tenant: string, track: string, raw: unknown, mode: ImportMode = "dry_run"): Promise<ImportResult> {
  const ref = await findTrackRef(actor, tenant, track);
  const m = parseInput(importModeSchema, mode);
  if (m === "apply") assertMayWrite(actor);
  const doc = parseDocument(raw);
  const preview = await plan(actor, ref, doc, getDb());
  if (preview.problems.length) refuse(preview.problems);
  const trackChanges = await trackSettingsChanges(getDb(), ref, doc.track);
  const result = (p: Plan, applied: boolean, secrets: ImportResult["secrets"]): ImportResult => ({
    mode: m,
    applied,
    track: { action: !doc.track ? "skipped" : trackChanges.length ? "update" : "unchanged", changes: trackChanges },
    parties: p.parties.map((x) => x.row),
    secrets,
  });
  if (m === "dry_run") return result(preview, false, []);
  assertNoConflicts(preview);

  // argon2id outside the transaction, so that the database is not held while hashing.
  const fresh = new Map<string, { secret: string; hash: string }>();
  for (const p of preview.parties) {
    if (p.row.action !== "create" || !usesSecret(p)) continue;
    const secret = generateSecret();
    fresh.set(p.data.name, { secret, hash: await hashSecret(secret) });
  }
  return inTransaction(
    async (tx) => {
      const final = await plan(actor, ref, doc, tx);
      if (final.problems.length) refuse(final.problems);
      assertNoConflicts(final);
      if (final.parties.some((p) => p.row.action === "create" && usesSecret(p) && !fresh.has(p.data.name))) {
        throw new DomainError("conflict", "The track changed while the import was prepared. Run the import again.");
      }
      if (doc.track && trackChanges.length) await writeTrackSettings(tx, actor, ref, doc.track);
      await applyPlan(tx, actor, ref, final, fresh);
      const secrets = final.parties.filter((p) => fresh.has(p.data.name) && p.row.action === "create").map((p) => ({ party: p.data.name, secret: fresh.get(p.data.name)!.secret }));
      return result(final, true, secrets);
    },
    "A party in the document was created by someone else meanwhile. Run the import again.",
    120_000,
  );
}

function assertNoConflicts(p: Plan) {
  const conflicts = p.parties.filter((x) => x.row.action === "conflict");
  if (!conflicts.length) return;
  const listed = conflicts.slice(0, 20).map((x) => `'${x.data.name}': ${x.row.reason}`);
  throw new DomainError(
    "conflict",
    `Nothing was imported: ${conflicts.length} part${conflicts.length === 1 ? "y conflicts" : "ies conflict"} with the track. ${listed.join(" ")}${conflicts.length > 20 ? " …" : ""}`,
  );
}

async function applyPlan(tx: Tx, actor: Actor, track: TrackRef, plan: Plan, fresh: Map<string, { secret: string; hash: string }>) {
  const changing = plan.parties.filter((p) => p.row.action === "create" || p.row.action === "update");
  const ids = new Map<string, string>();
  const before = new Map<string, ReturnType<typeof partyView>>();
  // Settings first, then grants: a client may be granted a resource the same document creates.
  for (const p of changing) {
    const data = columns(p.data as PartyData, p.ownScopes);
    if (p.existing) {
      before.set(p.data.name, partyView(await tx.party.findUniqueOrThrow({ where: { id: p.existing.id }, select: partySelect })));
      await tx.party.update({ where: { id: p.existing.id }, data: { ...data, version: { increment: 1 } } });
      ids.set(p.data.name, p.existing.id);
    } else {
      ids.set(p.data.name, (await tx.party.create({ data: { trackId: track.id, ...data }, select: { id: true } })).id);
    }
  }
  const problems: FieldError[] = [];
  for (const p of changing) {
    const id = ids.get(p.data.name)!;
    const { grants } = await resolveGrants(tx, track.id, p.data.name, p.data);
    await tx.clientGrant.deleteMany({ where: { clientId: id } });
    await writeGrants(tx, id, grants);
    for (const k of p.newKeys) {
      await tx.clientKey.create({
        data: {
          partyId: id,
          kid: k.kid,
          x5tS256: k.x5tS256,
          jwk: k.jwk as Prisma.InputJsonValue,
          certificatePem: k.certificatePem,
          subject: k.subject,
          issuer: k.issuer,
          notBefore: k.notBefore,
          notAfter: k.notAfter,
        },
      });
    }
    const secret = p.row.action === "create" ? fresh.get(p.data.name) : undefined;
    if (secret) await tx.clientSecret.create({ data: { partyId: id, hash: secret.hash, info: secretInfo(secret.secret) } });
    await checkLimits(tx, track, p, problems);
  }
  if (problems.length) refuse(problems);
  for (const p of changing) {
    const id = ids.get(p.data.name)!;
    if (p.existing) for (const clientId of new Set(await pruneOtherGrants(tx, id, p.ownScopes))) await publishChange(tx, "party", clientId);
    const after = partyView(await tx.party.findUniqueOrThrow({ where: { id }, select: partySelect }));
    await recordAudit(tx, actor, {
      action: p.existing ? "party.update" : "party.create",
      tenant: { id: track.tenantId, name: track.tenantName },
      track: track.name,
      targetType: "party",
      targetName: p.data.name,
      changes: {
        ...diffFields(before.get(p.data.name) ?? null, after),
        imported: { to: true },
        ...(p.newKeys.length ? { keys_added: { to: p.newKeys.map((k) => k.kid) } } : {}),
        ...(fresh.has(p.data.name) && !p.existing ? { secret_created: { to: true } } : {}),
      },
    });
    await publishChange(tx, "party", id);
    if (p.newKeys.length) await publishChange(tx, "client-keys", id);
    if (!p.existing && fresh.has(p.data.name)) await publishChange(tx, "secrets", id);
  }
}
