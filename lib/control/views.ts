import type { Prisma } from "@/lib/db/generated/client";
import type { SigningKeySummary } from "@/lib/keys/rotate";
import type { ParsedClientKey } from "@/lib/certificates/parse-client-key";
import type { ClaimTransform } from "@/lib/claims";
import { discoveryOf, issuerOf, jwksUriOf, tokenEndpointOf } from "@/lib/oauth/urls";
import type {
  AuditView,
  ClientKeyPreview,
  ClientKeyView,
  PartyView,
  SecretView,
  SigningKeyView,
  TenantView,
  TrackView,
} from "@/lib/validation/views";

export type {
  AuditView,
  ClientKeyPreview,
  ClientKeyView,
  CreatedParty,
  CreatedSecret,
  PartyView,
  RotateResult,
  PromoteResult,
  SecretView,
  SigningKeyView,
  TenantView,
  TrackView,
} from "@/lib/validation/views";

// Each mapper builds one view of lib/validation/views.ts from the row its select reads. Selects name
// only what a view shows: a secret hash or a private key is never read here.

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const expired = (notAfter: Date | null) => (notAfter ? notAfter.getTime() <= Date.now() : false);

export const tenantSelect = {
  name: true,
  displayName: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.TenantSelect;
type TenantRow = Prisma.TenantGetPayload<{ select: typeof tenantSelect }>;

export function tenantView(t: TenantRow): TenantView {
  return {
    name: t.name,
    display_name: t.displayName,
    version: t.version,
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
  };
}

export const trackSelect = {
  name: true,
  displayName: true,
  signingAlgorithm: true,
  keyValidityMonths: true,
  keyRenewDaysBeforeExpiry: true,
  keyPrimaryAfterDays: true,
  version: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.TrackSelect;
type TrackRow = Prisma.TrackGetPayload<{ select: typeof trackSelect }>;

export function trackView(tenant: string, t: TrackRow): TrackView {
  const issuer = issuerOf(tenant, t.name);
  return {
    name: t.name,
    display_name: t.displayName,
    signing_algorithm: t.signingAlgorithm,
    key_validity_months: t.keyValidityMonths,
    key_renew_days_before_expiry: t.keyRenewDaysBeforeExpiry,
    key_primary_after_days: t.keyPrimaryAfterDays,
    issuer,
    token_endpoint: tokenEndpointOf(issuer),
    discovery: discoveryOf(issuer),
    jwks_uri: jwksUriOf(issuer),
    version: t.version,
    created_at: iso(t.createdAt),
    updated_at: iso(t.updatedAt),
  };
}

/** What a party is, as both the views and an export show it (public material only). */
export const partySettingsSelect = {
  id: true,
  name: true,
  displayName: true,
  note: true,
  isResource: true,
  resourceScopes: true,
  resourceAudience: true,
  isClient: true,
  authMethod: true,
  accessTokenLifetime: true,
  allowLegacyAssertionAudience: true,
  strictAuthMethod: true,
  clientCredentialsEnabled: true,
  claimTransforms: true,
  grants: { select: { scopes: true, resource: { select: { name: true } } } },
} as const satisfies Prisma.PartySelect;

export const partySelect = {
  ...partySettingsSelect,
  version: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { secrets: true, clientKeys: true } },
} as const satisfies Prisma.PartySelect;
type PartyRow = Prisma.PartyGetPayload<{ select: typeof partySelect }>;

export function partyView(p: PartyRow): PartyView {
  return {
    name: p.name,
    display_name: p.displayName,
    note: p.note,
    kind: p.isResource && p.isClient ? "both" : p.isClient ? "client" : "resource",
    resource: p.isResource ? { scopes: [...p.resourceScopes].sort(), audience: p.resourceAudience ?? p.name } : null,
    client: p.isClient
      ? {
          auth_method: p.authMethod ?? "client_secret_post",
          resource_scopes: p.grants
            .map((g) => ({ resource: g.resource.name, scopes: [...g.scopes].sort() }))
            .sort((a, b) => a.resource.localeCompare(b.resource)),
          access_token_lifetime: p.accessTokenLifetime,
          allow_legacy_assertion_audience: p.allowLegacyAssertionAudience,
          strict_auth_method: p.strictAuthMethod,
          client_credentials_enabled: p.clientCredentialsEnabled,
          secret_count: p._count.secrets,
          key_count: p._count.clientKeys,
        }
      : null,
    // stored only after claimTransformsSchema accepted it
    claim_transforms: Array.isArray(p.claimTransforms) ? (p.claimTransforms as ClaimTransform[]) : [],
    version: p.version,
    created_at: iso(p.createdAt),
    updated_at: iso(p.updatedAt),
  };
}

export const secretSelect = { id: true, info: true, createdAt: true, expiresAt: true, lastUsedAt: true } as const satisfies Prisma.ClientSecretSelect;
type SecretRow = Prisma.ClientSecretGetPayload<{ select: typeof secretSelect }>;

export function secretView(s: SecretRow): SecretView {
  return {
    id: s.id,
    info: s.info,
    created_at: iso(s.createdAt),
    expires_at: isoOrNull(s.expiresAt),
    expired: expired(s.expiresAt),
    last_used_at: isoOrNull(s.lastUsedAt),
  };
}

export const clientKeySelect = {
  kid: true,
  x5tS256: true,
  subject: true,
  issuer: true,
  notBefore: true,
  notAfter: true,
  createdAt: true,
  jwk: true,
  lastUsedAt: true,
} as const satisfies Prisma.ClientKeySelect;
type ClientKeyRow = Prisma.ClientKeyGetPayload<{ select: typeof clientKeySelect }>;

export function clientKeyView(k: ClientKeyRow): ClientKeyView {
  return { ...clientKeyPreview({ ...k, jwk: (k.jwk ?? {}) as Record<string, unknown> }), created_at: iso(k.createdAt), last_used_at: isoOrNull(k.lastUsedAt) };
}

/** The public fields of a parsed key file, before it is stored. */
export function clientKeyPreview(k: Omit<ParsedClientKey, "certificatePem">): ClientKeyPreview {
  return {
    kid: k.kid,
    kty: typeof k.jwk.kty === "string" ? k.jwk.kty : null,
    alg: typeof k.jwk.alg === "string" ? k.jwk.alg : null,
    "x5t#S256": k.x5tS256,
    subject: k.subject,
    issuer: k.issuer,
    not_before: isoOrNull(k.notBefore),
    not_after: isoOrNull(k.notAfter),
    expired: expired(k.notAfter),
  };
}

export function signingKeyView(k: SigningKeySummary): SigningKeyView {
  return {
    kid: k.kid,
    alg: k.alg,
    state: k.state,
    next: k.next,
    not_before: iso(k.notBefore),
    not_after: iso(k.notAfter),
    activate_at: isoOrNull(k.activateAt),
    retire_at: isoOrNull(k.retireAt),
    "x5t#S256": k.x5tS256,
    subject: k.subject,
    created_at: iso(k.createdAt),
  };
}

export const auditSelect = {
  id: true,
  createdAt: true,
  tenantName: true,
  trackName: true,
  actorType: true,
  actor: true,
  action: true,
  targetType: true,
  targetName: true,
  changes: true,
  correlationId: true,
} as const satisfies Prisma.AuditEventSelect;
type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof auditSelect }>;

export function auditView(e: AuditRow): AuditView {
  return {
    id: e.id,
    at: iso(e.createdAt),
    tenant: e.tenantName,
    track: e.trackName,
    actor_type: e.actorType,
    actor: e.actor,
    action: e.action,
    target_type: e.targetType,
    target_name: e.targetName,
    changes: (e.changes ?? {}) as Record<string, unknown>,
    request_id: e.correlationId,
  };
}
