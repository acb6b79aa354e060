import { z } from "zod";
import { displayNameSchema, trackNameSchema } from "./names";

export const signingAlgorithmSchema = z.enum(["RS256", "PS256", "ES256", "EdDSA", "Ed25519"], {
  error: "Signing algorithm must be RS256, PS256, ES256, EdDSA or Ed25519.",
});

// A track's key settings, with FoxIDs' ranges (README "Track signing keys").
const trackSettings = {
  display_name: displayNameSchema.optional(),
  signing_algorithm: signingAlgorithmSchema.optional(),
  key_validity_months: z.number().int().min(1).max(12).optional(),
  key_renew_days_before_expiry: z.number().int().min(4).max(30).optional(),
  key_primary_after_days: z.number().int().min(2).max(20).optional(),
};

// A new track's defaults are FoxIDs' (README "Track signing keys"); the new-track form starts from them.
export const trackCreateSchema = z.object({
  name: trackNameSchema,
  ...trackSettings,
  signing_algorithm: signingAlgorithmSchema.default("RS256"),
  key_validity_months: trackSettings.key_validity_months.unwrap().default(3),
  key_renew_days_before_expiry: trackSettings.key_renew_days_before_expiry.unwrap().default(10),
  key_primary_after_days: trackSettings.key_primary_after_days.unwrap().default(5),
});
export type TrackCreateInput = z.input<typeof trackCreateSchema>;

/** PATCH: every field optional; `version` (or If-Match) guards against a concurrent edit. */
export const trackUpdateSchema = z.object({ ...trackSettings, version: z.number().int().min(1).optional() });
export type TrackUpdateInput = z.input<typeof trackUpdateSchema>;
