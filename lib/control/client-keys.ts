import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { ClientKeyError, parseClientKey } from "@/lib/certificates/parse-client-key";
import { publishChange } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { ClientKeyInput } from "@/lib/certificates/parse-client-key";
import { assertPrincipal, type Actor, assertMayWrite } from "./actor";
import { inTransaction } from "./db";
import { conflict, invalid, notFound } from "./errors";
import { findClientRef } from "./lookup";
import type { PartyRefInput } from "./parties";
import { assertMayChangeClient } from "./privilege";
import { clientKeyPreview, clientKeySelect, clientKeyView, type ClientKeyPreview, type ClientKeyView } from "./views";

export const MAX_KEYS_PER_CLIENT = 4;

export async function listClientKeys(actor: Actor, ref: PartyRefInput): Promise<ClientKeyView[]> {
  const p = await findClientRef(actor, ref);
  const rows = await getDb().clientKey.findMany({
    where: { partyId: p.id },
    orderBy: { createdAt: "asc" },
    select: clientKeySelect,
  });
  return rows.map(clientKeyView);
}

/** Reads a key file and shows what it holds, storing nothing: the administrator checks it before saving. */
export async function previewClientKey(actor: Actor, upload: ClientKeyInput, field = "file"): Promise<ClientKeyPreview> {
  assertPrincipal(actor);
  return clientKeyPreview(await parseKeyFile(upload, field));
}

async function parseKeyFile(upload: ClientKeyInput, field: string) {
  try {
    return await parseClientKey(upload);
  } catch (e) {
    if (e instanceof ClientKeyError) throw invalid([{ field, message: e.message }]);
    throw e;
  }
}

/** Adds a client's public key (pfx, PEM, DER or JWK); a pfx's private key is read by KEYS' parser and dropped. */
export async function addClientKey(
  actor: Actor,
  ref: PartyRefInput,
  upload: ClientKeyInput,
  field = "file",
): Promise<ClientKeyView> {
  assertMayWrite(actor);
  const p = await findClientRef(actor, ref);
  const parsed = await parseKeyFile(upload, field);
  return inTransaction(async (tx) => {
    await assertMayChangeClient(actor, p, tx);
    const existing = await tx.clientKey.findMany({ where: { partyId: p.id }, select: { kid: true } });
    if (existing.some((k) => k.kid.toLowerCase() === parsed.kid.toLowerCase())) {
      throw conflict(`Party '${p.name}' already has the key '${parsed.kid}'.`);
    }
    if (existing.length >= MAX_KEYS_PER_CLIENT) {
      throw conflict(`A client has at most ${MAX_KEYS_PER_CLIENT} keys; delete one first.`);
    }
    const row = await tx.clientKey.create({
      data: {
        partyId: p.id,
        kid: parsed.kid,
        x5tS256: parsed.x5tS256,
        jwk: parsed.jwk as Prisma.InputJsonValue,
        certificatePem: parsed.certificatePem,
        subject: parsed.subject,
        issuer: parsed.issuer,
        notBefore: parsed.notBefore,
        notAfter: parsed.notAfter,
      },
      select: clientKeySelect,
    });
    await recordAudit(tx, actor, {
      action: "client-key.add",
      tenant: { id: p.track.tenantId, name: p.track.tenantName },
      track: p.track.name,
      targetType: "party",
      targetName: p.name,
      changes: { kid: { to: row.kid }, subject: { to: row.subject }, not_after: { to: row.notAfter?.toISOString() ?? null } },
    });
    await publishChange(tx, "client-keys", p.id);
    return clientKeyView(row);
  }, `Party '${p.name}' already has this key.`);
}

export async function deleteClientKey(actor: Actor, ref: PartyRefInput, kid: string): Promise<void> {
  assertMayWrite(actor);
  const p = await findClientRef(actor, ref);
  await inTransaction(async (tx) => {
    await assertMayChangeClient(actor, p, tx);
    // Printable ASCII, as every kid ever stored: keys saved before KID_PATTERN can still be deleted.
    const row = /^[\x21-\x7e]{1,200}$/.test(kid)
      ? await tx.clientKey.findUnique({ where: { partyId_kid: { partyId: p.id, kid } }, select: { id: true, subject: true } })
      : null;
    if (!row) throw notFound(`Key '${kid.replace(/[^\x20-\x7e]/g, "?").slice(0, 200)}' not found on party '${p.name}'.`);
    await tx.clientKey.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, {
      action: "client-key.delete",
      tenant: { id: p.track.tenantId, name: p.track.tenantName },
      track: p.track.name,
      targetType: "party",
      targetName: p.name,
      changes: { kid: { from: kid }, subject: { from: row.subject } },
    });
    await publishChange(tx, "client-keys", p.id);
  });
}
