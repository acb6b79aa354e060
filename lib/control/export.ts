import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import { getConfig } from "@/lib/config";
import { getDb } from "@/lib/db";
import type { ClaimTransform } from "@/lib/claims";
import { isProtectedParty, MASTER } from "@/lib/tenancy";
import { EXPORT_VERSION, type ExportDocumentView } from "@/lib/validation/export";
import type { Actor } from "./actor";
import type { Tx } from "./db";
import { findTrackRef, type TrackRef } from "./lookup";
import { partySettingsSelect } from "./views";

type Reader = Tx | ReturnType<typeof getDb>;
export type ExportedParty = ExportDocumentView["parties"][number];

// Public material only: no secret (hash or value), no private or signing key is selected here.
export const exportPartySelect = {
  ...partySettingsSelect,
  clientKeys: { select: { kid: true, jwk: true, certificatePem: true } },
} as const satisfies Prisma.PartySelect;
export type ExportPartyRow = Prisma.PartyGetPayload<{ select: typeof exportPartySelect }>;

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
const sorted = (list: readonly string[]) => [...list].sort();

/** One party as the document holds it; lists are sorted so that two exports of one track are equal. */
export function exportedParty(p: ExportPartyRow): ExportedParty {
  return {
    name: p.name,
    display_name: p.displayName,
    note: p.note,
    resource: p.isResource ? { scopes: sorted(p.resourceScopes), ...(p.resourceAudience ? { audience: p.resourceAudience } : {}) } : null,
    client: p.isClient
      ? {
          auth_method: p.authMethod ?? "client_secret_post",
          resource_scopes: p.grants.map((g) => ({ name: g.resource.name, scopes: sorted(g.scopes) })).sort(byName).map((g) => ({ resource: g.name, scopes: g.scopes })),
          access_token_lifetime: p.accessTokenLifetime,
          allow_legacy_assertion_audience: p.allowLegacyAssertionAudience,
          strict_auth_method: p.strictAuthMethod,
          client_credentials_enabled: p.clientCredentialsEnabled,
          keys: [...p.clientKeys]
            .sort((a, b) => (a.kid < b.kid ? -1 : a.kid > b.kid ? 1 : 0))
            .map((k) => (k.certificatePem ? { kid: k.kid, certificate: k.certificatePem } : { kid: k.kid, jwk: (k.jwk ?? {}) as Record<string, unknown> })),
        }
      : null,
    claim_transforms: Array.isArray(p.claimTransforms) ? (p.claimTransforms as ClaimTransform[]) : [],
  };
}

/**
 * Parties the importer refuses and the exporter leaves out: master/master's Control API resource and the
 * bootstrap client (FENNEC_BOOTSTRAP_CLIENT_ID), which every installation creates for itself.
 */
export function isProtectedImportParty(track: { name: string; tenantName: string }, name: string): boolean {
  if (isProtectedParty(track.name, name)) return true;
  const bootstrap = getConfig().bootstrapClient?.id;
  return track.tenantName === MASTER && track.name === MASTER && bootstrap === name;
}

export async function readTrackParties(db: Reader, track: TrackRef): Promise<ExportPartyRow[]> {
  const rows = await db.party.findMany({ where: { trackId: track.id }, orderBy: { name: "asc" }, select: exportPartySelect });
  return rows.sort(byName);
}

/** GET …/export: the track's settings and parties, public key material only. */
export async function exportTrack(actor: Actor, tenant: string, track: string): Promise<ExportDocumentView> {
  const ref = await findTrackRef(actor, tenant, track);
  const db = getDb();
  const [t, parties] = await Promise.all([
    db.track.findUniqueOrThrow({
      where: { id: ref.id },
      select: { displayName: true, signingAlgorithm: true, keyValidityMonths: true, keyRenewDaysBeforeExpiry: true, keyPrimaryAfterDays: true },
    }),
    readTrackParties(db, ref),
  ]);
  return {
    fennec_export_version: EXPORT_VERSION,
    exported_at: new Date().toISOString(),
    exported_from: { tenant: ref.tenantName, track: ref.name },
    track: {
      display_name: t.displayName,
      signing_algorithm: t.signingAlgorithm,
      key_validity_months: t.keyValidityMonths,
      key_renew_days_before_expiry: t.keyRenewDaysBeforeExpiry,
      key_primary_after_days: t.keyPrimaryAfterDays,
    },
    parties: parties.filter((p) => !isProtectedImportParty(ref, p.name)).map(exportedParty),
  };
}
