import type { ClientAuthMethod, SigningAlgorithm } from "@/lib/db/generated/enums";
import { getConfig } from "@/lib/config";

// Plain JSON-safe views in the Control API's snake_case. Selects name only what a view shows:
// a secret hash or a private key is never read here.

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const tenantSelect = { name: true, displayName: true, version: true, createdAt: true, updatedAt: true } as const;
type TenantRow = { name: string; displayName: string | null; version: number; createdAt: Date; updatedAt: Date };

export type TenantView = ReturnType<typeof tenantView>;
export function tenantView(t: TenantRow) {
  return {
    name: t.name,
    display_name: t.displayName,
    version: t.version,
    created_at: iso(t.createdAt)!,
    updated_at: iso(t.updatedAt)!,
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
} as const;
type TrackRow = {
  name: string;
  displayName: string | null;
  signingAlgorithm: SigningAlgorithm;
  keyValidityMonths: number;
  keyRenewDaysBeforeExpiry: number;
  keyPrimaryAfterDays: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

export type TrackView = ReturnType<typeof trackView>;
export function trackView(tenant: string, t: TrackRow) {
  const issuer = `${getConfig().publicUrl}/${tenant}/${t.name}/`;
  return {
    name: t.name,
    display_name: t.displayName,
    signing_algorithm: t.signingAlgorithm,
    key_validity_months: t.keyValidityMonths,
    key_renew_days_before_expiry: t.keyRenewDaysBeforeExpiry,
    key_primary_after_days: t.keyPrimaryAfterDays,
    issuer,
    token_endpoint: `${issuer}oauth/token`,
    discovery: `${issuer}.well-known/openid-configuration`,
    jwks_uri: `${issuer}.well-known/openid-configuration/keys`,
    version: t.version,
    created_at: iso(t.createdAt)!,
    updated_at: iso(t.updatedAt)!,
  };
}

export const partySelect = {
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
  clientCredentialsEnabled: true,
  claimTransforms: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  grants: { select: { scopes: true, resource: { select: { name: true } } } },
  _count: { select: { secrets: true, clientKeys: true } },
} as const;
type PartyRow = {
  name: string;
  displayName: string | null;
  note: string | null;
  isResource: boolean;
  resourceScopes: string[];
  resourceAudience: string | null;
  isClient: boolean;
  authMethod: ClientAuthMethod | null;
  accessTokenLifetime: number;
  allowLegacyAssertionAudience: boolean;
  clientCredentialsEnabled: boolean;
  claimTransforms: unknown;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  grants: { scopes: string[]; resource: { name: string } }[];
  _count: { secrets: number; clientKeys: number };
};

export type PartyView = ReturnType<typeof partyView>;
export function partyView(p: PartyRow) {
  return {
    name: p.name,
    display_name: p.displayName,
    note: p.note,
    kind: (p.isResource && p.isClient ? "both" : p.isClient ? "client" : "resource") as "both" | "client" | "resource",
    resource: p.isResource
      ? { scopes: [...p.resourceScopes].sort(), audience: p.resourceAudience ?? p.name }
      : null,
    client: p.isClient
      ? {
          auth_method: p.authMethod ?? "client_secret_post",
          resource_scopes: p.grants
            .map((g) => ({ resource: g.resource.name, scopes: [...g.scopes].sort() }))
            .sort((a, b) => a.resource.localeCompare(b.resource)),
          access_token_lifetime: p.accessTokenLifetime,
          allow_legacy_assertion_audience: p.allowLegacyAssertionAudience,
          client_credentials_enabled: p.clientCredentialsEnabled,
          secret_count: p._count.secrets,
          key_count: p._count.clientKeys,
        }
      : null,
    claim_transforms: Array.isArray(p.claimTransforms) ? (p.claimTransforms as unknown[]) : [],
    version: p.version,
    created_at: iso(p.createdAt)!,
    updated_at: iso(p.updatedAt)!,
  };
}

export const secretSelect = { id: true, info: true, createdAt: true, expiresAt: true } as const;
export type SecretView = ReturnType<typeof secretView>;
export function secretView(s: { id: string; info: string; createdAt: Date; expiresAt: Date | null }) {
  return {
    id: s.id,
    info: s.info,
    created_at: iso(s.createdAt)!,
    expires_at: iso(s.expiresAt),
    expired: s.expiresAt ? s.expiresAt.getTime() <= Date.now() : false,
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
} as const;
export type ClientKeyView = ReturnType<typeof clientKeyView>;
export function clientKeyView(k: {
  kid: string;
  x5tS256: string | null;
  subject: string | null;
  issuer: string | null;
  notBefore: Date | null;
  notAfter: Date | null;
  createdAt: Date;
  jwk: unknown;
}) {
  const jwk = (k.jwk ?? {}) as Record<string, unknown>;
  return {
    kid: k.kid,
    kty: typeof jwk.kty === "string" ? jwk.kty : null,
    alg: typeof jwk.alg === "string" ? jwk.alg : null,
    "x5t#S256": k.x5tS256,
    subject: k.subject,
    issuer: k.issuer,
    not_before: iso(k.notBefore),
    not_after: iso(k.notAfter),
    expired: k.notAfter ? k.notAfter.getTime() <= Date.now() : false,
    created_at: iso(k.createdAt)!,
  };
}

export type AuditView = ReturnType<typeof auditView>;
export function auditView(e: {
  id: string;
  createdAt: Date;
  tenantName: string | null;
  trackName: string | null;
  actorType: string;
  actor: string;
  action: string;
  targetType: string;
  targetName: string | null;
  changes: unknown;
  correlationId: string | null;
}) {
  return {
    id: e.id,
    at: iso(e.createdAt)!,
    tenant: e.tenantName,
    track: e.trackName,
    actor_type: e.actorType,
    actor: e.actor,
    action: e.action,
    target_type: e.targetType,
    target_name: e.targetName,
    changes: (e.changes ?? {}) as Record<string, unknown>,
  };
}
