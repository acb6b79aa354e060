import { z } from "zod";
import { canonicalClaimTransformSchema, claimTransformsSchema } from "@/lib/claims";
import { MAX_KEY_FILE_BYTES } from "@/lib/certificates/key-file";
import { displayNameSchema, noteSchema, partyNameSchema } from "./names";
import { clientSchema, resourceSchema } from "./party";
import { signingAlgorithmSchema } from "./track";

/** The format this build writes; a document from a newer one is refused, older ones are read. */
export const EXPORT_VERSION = 1;
/** The Control API's cap on an import body (README "Export and import"). */
export const MAX_IMPORT_BYTES = 4 * 1024 * 1024;
/** The admin UI sends the file through a server action, whose body Next.js caps at 1 MB. */
export const MAX_UI_IMPORT_BYTES = 1000 * 1000 - 16 * 1024;
// Mirrors MAX_KEYS_PER_CLIENT in lib/control/client-keys.ts, which validation may not import.
export const MAX_EXPORT_KEYS_PER_CLIENT = 4;
// Per document, so that one apply (an argon2id hash per new secret client, then one transaction) ends in
// about a minute (README "Export and import"); the track's FENNEC_MAX_PARTIES_PER_TRACK applies as well.
export const MAX_IMPORT_PARTIES = 1000;

export const importModeSchema = z.enum(["dry_run", "apply"], { error: "mode must be dry_run or apply." });
export type ImportMode = z.output<typeof importModeSchema>;

/** One client key, public material only: a certificate (PEM) or a public JWK. */
export const exportKeySchema = z
  .strictObject({
    kid: z.string().min(1).max(200),
    certificate: z.string().min(1).max(MAX_KEY_FILE_BYTES, "Certificate is too long.").optional(),
    jwk: z.record(z.string().max(50), z.unknown()).optional(),
  })
  .refine((k) => Boolean(k.certificate) !== Boolean(k.jwk), {
    message: "A key holds exactly one of 'certificate' (PEM) or 'jwk'.",
    path: ["certificate"],
  });
export type ExportKey = z.output<typeof exportKeySchema>;

const exportClientSchema = clientSchema
  .extend({
    keys: z
      .array(exportKeySchema)
      .max(MAX_EXPORT_KEYS_PER_CLIENT, `A client has at most ${MAX_EXPORT_KEYS_PER_CLIENT} keys.`)
      .default([]),
  })
  .strict();

export const exportPartySchema = z
  .strictObject({
    name: partyNameSchema,
    display_name: displayNameSchema.nullish(),
    note: noteSchema.nullish(),
    resource: resourceSchema.strict().nullish(),
    client: exportClientSchema.nullish(),
    claim_transforms: claimTransformsSchema.default([]),
  })
  .refine((p) => Boolean(p.resource || p.client), { message: "A party needs a resource part, a client part or both.", path: ["resource"] });
export type ExportParty = z.output<typeof exportPartySchema>;

export const exportTrackSchema = z.strictObject({
  display_name: displayNameSchema.nullish(),
  signing_algorithm: signingAlgorithmSchema,
  key_validity_months: z.number().int().min(1).max(12),
  key_renew_days_before_expiry: z.number().int().min(4).max(30),
  key_primary_after_days: z.number().int().min(2).max(20),
});
export type ExportTrack = z.output<typeof exportTrackSchema>;

export const exportDocumentSchema = z.strictObject({
  fennec_export_version: z.number().int().min(1).max(EXPORT_VERSION, `This Fennec reads export versions up to ${EXPORT_VERSION}.`),
  exported_at: z.string().max(40).optional(),
  exported_from: z.strictObject({ tenant: z.string().max(50), track: z.string().max(50) }).optional(),
  track: exportTrackSchema.optional(),
  parties: z
    .array(exportPartySchema)
    .max(MAX_IMPORT_PARTIES, `A document imports at most ${MAX_IMPORT_PARTIES} parties; split a larger track into several documents.`)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((p, i) => {
        if (seen.has(p.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: `Duplicate party '${p.name}'.` });
        seen.add(p.name);
      });
    }),
});
export type ExportDocumentInput = z.input<typeof exportDocumentSchema>;
export type ExportDocument = z.output<typeof exportDocumentSchema>;

// What GET …/export returns: the input schema's shape, as written (for OpenAPI and the round trip).
export const exportDocumentViewSchema = z.object({
  fennec_export_version: z.literal(EXPORT_VERSION),
  exported_at: z.string(),
  exported_from: z.object({ tenant: z.string(), track: z.string() }),
  track: exportTrackSchema,
  parties: z.array(
    z.object({
      name: z.string(),
      display_name: z.string().nullable(),
      note: z.string().nullable(),
      resource: z.object({ scopes: z.array(z.string()), audience: z.string().optional() }).nullable(),
      client: z
        .object({
          auth_method: z.string(),
          resource_scopes: z.array(z.object({ resource: z.string(), scopes: z.array(z.string()) })),
          access_token_lifetime: z.number(),
          allow_legacy_assertion_audience: z.boolean(),
          strict_auth_method: z.boolean(),
          client_credentials_enabled: z.boolean(),
          keys: z.array(z.object({ kid: z.string(), certificate: z.string().optional(), jwk: z.record(z.string(), z.unknown()).optional() })),
        })
        .nullable(),
      claim_transforms: z.array(canonicalClaimTransformSchema),
    }),
  ),
});
export type ExportDocumentView = z.output<typeof exportDocumentViewSchema>;

export const importPlanActionSchema = z.enum(["create", "update", "unchanged", "conflict"]);
export type ImportPlanAction = z.output<typeof importPlanActionSchema>;

export const importResultSchema = z.object({
  mode: importModeSchema,
  applied: z.boolean(),
  track: z.object({ action: z.enum(["update", "unchanged", "skipped"]), changes: z.array(z.string()) }),
  parties: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(["resource", "client", "both"]),
      action: importPlanActionSchema,
      changes: z.array(z.string()).describe("Fields that differ from the party in the track (update)."),
      reason: z.string().optional().describe("Why the party is a conflict."),
    }),
  ),
  secrets: z
    .array(z.object({ party: z.string(), secret: z.string() }))
    .describe("apply only: one new secret per client the import created with a secret method, shown this once."),
});
export type ImportResult = z.output<typeof importResultSchema>;
export type ImportPlanRow = ImportResult["parties"][number];
