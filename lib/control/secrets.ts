import "server-only";
import { assertMayWrite } from "./actor";
import { publishChange } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import { generateSecret, hashSecret, secretInfo } from "@/lib/secrets";
import { recordAudit } from "@/lib/audit";
import { secretCreateSchema, type SecretCreateInput } from "@/lib/validation";
import type { Actor } from "./actor";
import { inTransaction } from "./db";
import { conflict, notFound } from "./errors";
import { findClientRef } from "./lookup";
import { parseInput } from "./parse";
import { assertMayChangeClient } from "./privilege";
import type { PartyRefInput } from "./parties";
import { secretSelect, secretView, type CreatedSecret, type SecretView } from "./views";

export const MAX_SECRETS_PER_CLIENT = 10;

export type { CreatedSecret };

export async function listSecrets(actor: Actor, ref: PartyRefInput): Promise<SecretView[]> {
  const p = await findClientRef(actor, ref);
  const rows = await getDb().clientSecret.findMany({
    where: { partyId: p.id },
    orderBy: { createdAt: "asc" },
    select: secretSelect,
  });
  return rows.map(secretView);
}

export async function createSecret(actor: Actor, ref: PartyRefInput, input: SecretCreateInput = {}): Promise<CreatedSecret> {
  assertMayWrite(actor);
  const p = await findClientRef(actor, ref);
  const data = parseInput(secretCreateSchema, input);
  const secret = generateSecret();
  const hash = await hashSecret(secret);
  return inTransaction(async (tx) => {
    await assertMayChangeClient(actor, p, tx);
    if ((await tx.clientSecret.count({ where: { partyId: p.id } })) >= MAX_SECRETS_PER_CLIENT) {
      throw conflict(`A client has at most ${MAX_SECRETS_PER_CLIENT} secrets; delete one first.`);
    }
    const row = await tx.clientSecret.create({
      data: { partyId: p.id, hash, info: secretInfo(secret), expiresAt: data.expires_at ? new Date(data.expires_at) : null },
      select: secretSelect,
    });
    await recordAudit(tx, actor, {
      action: "secret.create",
      tenant: { id: p.track.tenantId, name: p.track.tenantName },
      track: p.track.name,
      targetType: "party",
      targetName: p.name,
      changes: { secret_id: { to: row.id }, info: { to: row.info }, expires_at: { to: row.expiresAt?.toISOString() ?? null } },
    });
    await publishChange(tx, "secrets", p.id);
    return { ...secretView(row), secret };
  });
}

export async function deleteSecret(actor: Actor, ref: PartyRefInput, id: string): Promise<void> {
  assertMayWrite(actor);
  const p = await findClientRef(actor, ref);
  await inTransaction(async (tx) => {
    await assertMayChangeClient(actor, p, tx);
    const row = /^[0-9a-f-]{36}$/i.test(id)
      ? await tx.clientSecret.findFirst({ where: { id, partyId: p.id }, select: secretSelect })
      : null;
    if (!row) throw notFound(`Secret '${id}' not found on party '${p.name}'.`);
    await tx.clientSecret.delete({ where: { id: row.id } });
    await recordAudit(tx, actor, {
      action: "secret.delete",
      tenant: { id: p.track.tenantId, name: p.track.tenantName },
      track: p.track.name,
      targetType: "party",
      targetName: p.name,
      changes: { secret_id: { from: row.id }, info: { from: row.info } },
    });
    await publishChange(tx, "secrets", p.id);
  });
}
