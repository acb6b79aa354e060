import type { FennecConfig } from "@/lib/config";
import type { Db } from "@/lib/db";
import { createSigningKey } from "@/lib/keys/create-signing-key";
import { decryptWithKek, encryptWithKek, KeyDecryptionError } from "@/lib/keys/encryption";
import { KekError, loadKek } from "@/lib/keys/kek";
import { generatePassword, hashSecret, secretInfo } from "@/lib/secrets";
import { recordAudit } from "@/lib/audit";
import { CONTROL_API_RESOURCE, CONTROL_API_SCOPES, MASTER, systemActor } from "@/lib/tenancy";
import { createControlApiResource } from "./control-api-resource";

const KEK_CHECK = "kek_check";
const KEK_CHECK_TEXT = "fennec key-encryption key check";

export type BootstrapResult = {
  created: boolean;
  adminPassword?: { email: string; password: string };
  bootstrapClientCreated: boolean;
};

/**
 * First start on an empty database: master tenant and track, its first signing key, the Control API
 * resource, an admin user and the optional bootstrap client, all in one transaction, so that a crash
 * half-way leaves nothing and the next start simply runs it again. Later starts change none of it.
 */
export async function bootstrap(db: Db, config: FennecConfig): Promise<BootstrapResult> {
  const kek = await checkKek(db, config);
  const existing = await db.tenant.findUnique({ where: { name: MASTER }, select: { id: true } });
  const result: BootstrapResult = { created: false, bootstrapClientCreated: false };

  if (!existing) {
    const key = await createSigningKey({ algorithm: "RS256", subject: "fennec master/master", validityMonths: 3, kek });
    const generated = config.admin.email ? undefined : generatePassword();
    const email = config.admin.email ?? "admin@localhost";
    const passwordHash = await hashSecret(config.admin.password ?? generated!);
    await db.$transaction(async (tx) => {
      const tenant = await tx.tenant.create({ data: { name: MASTER, displayName: "Master" } });
      const track = await tx.track.create({ data: { tenantId: tenant.id, name: MASTER, displayName: "Master" } });
      await tx.signingKey.create({ data: { ...key, trackId: track.id, state: "primary" } });
      await createControlApiResource(tx, track.id, [...CONTROL_API_SCOPES]);
      await tx.adminUser.create({ data: { email, passwordHash, name: "Administrator" } });
      await tx.systemState.create({
        data: { key: KEK_CHECK, value: { envelope: encryptWithKek(kek, KEK_CHECK_TEXT, KEK_CHECK) } },
      });
      await recordAudit(tx, systemActor("bootstrap"), {
        action: "bootstrap",
        tenant: MASTER,
        track: MASTER,
        targetType: "tenant",
        targetName: MASTER,
      });
    });
    result.created = true;
    if (generated) result.adminPassword = { email, password: generated };
  }

  if (config.bootstrapClient) result.bootstrapClientCreated = await ensureBootstrapClient(db, config.bootstrapClient);
  return result;
}

/** A stored key-encryption check that the configured key must open; a mismatch stops start-up. */
async function checkKek(db: Db, config: FennecConfig): Promise<Buffer> {
  const row = await db.systemState.findUnique({ where: { key: KEK_CHECK } });
  const kek = loadKek(config, { create: !row });
  if (row) {
    try {
      decryptWithKek(kek, (row.value as { envelope: string }).envelope, KEK_CHECK);
    } catch (e) {
      if (e instanceof KeyDecryptionError) {
        throw new KekError(
          "the key-encryption key (FENNEC_KEY_ENCRYPTION_KEY or the data folder's key file) is not the one this database was created with; start with the original key",
        );
      }
      throw e;
    }
  }
  return kek;
}

async function ensureBootstrapClient(db: Db, client: { id: string; secret: string }): Promise<boolean> {
  const track = await db.track.findFirstOrThrow({
    where: { name: MASTER, tenant: { name: MASTER } },
    select: { id: true },
  });
  const found = await db.party.findUnique({ where: { trackId_name: { trackId: track.id, name: client.id } } });
  if (found) return false;
  const hash = await hashSecret(client.secret);
  await db.$transaction(async (tx) => {
    const resource = await tx.party.findUniqueOrThrow({
      where: { trackId_name: { trackId: track.id, name: CONTROL_API_RESOURCE } },
      select: { id: true },
    });
    const party = await tx.party.create({
      data: {
        trackId: track.id,
        name: client.id,
        displayName: "Bootstrap client",
        isClient: true,
        authMethod: "client_secret_post",
        secrets: { create: { hash, info: secretInfo(client.secret) } },
      },
    });
    await tx.clientGrant.create({ data: { clientId: party.id, resourceId: resource.id, scopes: ["master"] } });
    await recordAudit(tx, systemActor("bootstrap"), {
      action: "party.create",
      tenant: MASTER,
      track: MASTER,
      targetType: "party",
      targetName: client.id,
    });
  });
  return true;
}
