import { z } from "zod";
import { canonicalClaimTransformSchema } from "@/lib/claims";
import { authMethodSchema } from "./party";
import { signingAlgorithmSchema } from "./track";

// The one description of each object the Control API (and the admin UI) shows: lib/control/views.ts
// builds objects of these output types, the OpenAPI document is generated from them, and the tests
// check responses against them.

const dateTime = z.iso.datetime();
const page = <T extends z.ZodType>(item: T) =>
  z.object({ data: z.array(item), next_cursor: z.string().nullable().describe("Pass as ?cursor= for the next page.") });

export const tenantViewSchema = z.object({
  name: z.string(),
  display_name: z.string().nullable(),
  version: z.number().int(),
  created_at: dateTime,
  updated_at: dateTime,
});

export const trackViewSchema = z.object({
  name: z.string(),
  display_name: z.string().nullable(),
  signing_algorithm: signingAlgorithmSchema,
  key_validity_months: z.number().int(),
  key_renew_days_before_expiry: z.number().int(),
  key_primary_after_days: z.number().int(),
  issuer: z.string(),
  token_endpoint: z.string(),
  discovery: z.string(),
  jwks_uri: z.string(),
  version: z.number().int(),
  created_at: dateTime,
  updated_at: dateTime,
});

export const partyViewSchema = z.object({
  name: z.string(),
  display_name: z.string().nullable(),
  note: z.string().nullable(),
  kind: z.enum(["resource", "client", "both"]),
  resource: z.object({ scopes: z.array(z.string()), audience: z.string() }).nullable(),
  client: z
    .object({
      auth_method: authMethodSchema,
      resource_scopes: z.array(z.object({ resource: z.string(), scopes: z.array(z.string()) })),
      access_token_lifetime: z.number().int(),
      allow_legacy_assertion_audience: z.boolean(),
      strict_auth_method: z.boolean(),
      client_credentials_enabled: z.boolean(),
      secret_count: z.number().int(),
      key_count: z.number().int(),
    })
    .nullable(),
  claim_transforms: z.array(canonicalClaimTransformSchema),
  version: z.number().int(),
  created_at: dateTime,
  updated_at: dateTime,
});
export const createdPartySchema = partyViewSchema.extend({
  secret: z.string().optional().describe("The first client secret, present only in this response."),
});

export const secretViewSchema = z.object({
  id: z.string(),
  info: z.string().describe("The first 3 characters of the secret, when it is longer than 20."),
  created_at: dateTime,
  expires_at: dateTime.nullable(),
  expired: z.boolean(),
  /** the minute of the last token issued with it (README "Operations"); null: never used */
  last_used_at: dateTime.nullable(),
});
export const createdSecretSchema = secretViewSchema.extend({
  secret: z.string().describe("The secret, present only in this response."),
});

export const clientKeyViewSchema = z.object({
  kid: z.string(),
  kty: z.string().nullable(),
  alg: z.string().nullable(),
  "x5t#S256": z.string().nullable(),
  subject: z.string().nullable(),
  issuer: z.string().nullable(),
  not_before: dateTime.nullable(),
  not_after: dateTime.nullable(),
  expired: z.boolean(),
  created_at: dateTime,
  /** the minute of the last token issued with it (README "Operations"); null: never used */
  last_used_at: dateTime.nullable(),
});

export const signingKeyViewSchema = z.object({
  kid: z.string(),
  alg: z.string(),
  state: z.enum(["primary", "secondary", "retired"]),
  next: z.boolean(),
  not_before: dateTime,
  not_after: dateTime,
  activate_at: dateTime.nullable(),
  retire_at: dateTime.nullable(),
  "x5t#S256": z.string().nullable(),
  subject: z.string().nullable(),
  created_at: dateTime,
});

export const auditViewSchema = z.object({
  id: z.string(),
  at: dateTime,
  tenant: z.string().nullable(),
  track: z.string().nullable(),
  actor_type: z.string(),
  actor: z.string(),
  action: z.string(),
  target_type: z.string(),
  target_name: z.string().nullable(),
  changes: z.record(z.string(), z.unknown()),
  /** the X-Request-Id of the request that made the change (README "Operations") */
  request_id: z.string().nullable(),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string(),
  errors: z.array(z.object({ field: z.string(), pointer: z.string(), detail: z.string() })).optional(),
  correlation_id: z.string().optional(),
});

export const tenantPageSchema = page(tenantViewSchema);
export const trackPageSchema = page(trackViewSchema);
export const partyPageSchema = page(partyViewSchema);
export const auditPageSchema = page(auditViewSchema);
export const secretListSchema = z.object({ data: z.array(secretViewSchema) });
export const clientKeyListSchema = z.object({ data: z.array(clientKeyViewSchema) });
export const signingKeyListSchema = z.object({ data: z.array(signingKeyViewSchema) });
/** Rotate: the next key is published now and signs from `activate_at` (null: it signs already). */
export const rotateResultSchema = z.object({
  primary_kid: z.string(),
  next_kid: z.string().nullable(),
  activate_at: dateTime.nullable(),
  keys: z.array(signingKeyViewSchema),
});
/** Promote now: `primary_kid` signs from this moment. */
export const promoteResultSchema = z.object({ primary_kid: z.string(), previous_kid: z.string().nullable(), keys: z.array(signingKeyViewSchema) });

/** What "Read certificate" shows before a client key is saved: the stored view's public fields. */
export const clientKeyPreviewSchema = clientKeyViewSchema.pick({
  kid: true,
  kty: true,
  alg: true,
  "x5t#S256": true,
  subject: true,
  issuer: true,
  not_before: true,
  not_after: true,
  expired: true,
});

export type TenantView = z.output<typeof tenantViewSchema>;
export type TrackView = z.output<typeof trackViewSchema>;
export type PartyView = z.output<typeof partyViewSchema>;
export type CreatedParty = z.output<typeof createdPartySchema>;
export type SecretView = z.output<typeof secretViewSchema>;
export type CreatedSecret = z.output<typeof createdSecretSchema>;
export type ClientKeyView = z.output<typeof clientKeyViewSchema>;
export type ClientKeyPreview = z.output<typeof clientKeyPreviewSchema>;
export type SigningKeyView = z.output<typeof signingKeyViewSchema>;
export type RotateResult = z.output<typeof rotateResultSchema>;
export type PromoteResult = z.output<typeof promoteResultSchema>;
export type AuditView = z.output<typeof auditViewSchema>;
