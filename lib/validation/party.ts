import { z } from "zod";
import { claimTransformsSchema } from "@/lib/claims";
import { displayNameSchema, nameSchema, noteSchema, partyNameSchema } from "./names";

// A resource scope, as FoxIDs allows it: ≤ 50 characters of ^[\w:;.,=\[\]\-_]+$.
export const scopeSchema = z
  .string()
  .trim()
  .min(1, "Scope must not be empty.")
  .max(50, "Scope must be at most 50 characters.")
  .regex(/^[\w:;.,=[\]-]+$/, "Scope may hold letters, digits and :;.,=[]-_ only.");

// Lists keep the sender's order here, so that an error's index points at what was sent; the domain
// layer stores them sorted (FoxIDs sorts on save).
function unique(what: string) {
  return (list: string[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    list.forEach((v, i) => {
      if (seen.has(v)) ctx.addIssue({ code: "custom", path: [i], message: `Duplicate ${what} '${v}'.` });
      seen.add(v);
    });
  };
}

export const resourceSchema = z.object({
  scopes: z
    .array(scopeSchema)
    .min(1, "A resource needs at least one scope.")
    .max(100, "A resource has at most 100 scopes.")
    .superRefine(unique("scope")),
  audience: z
    .string()
    .trim()
    .min(1)
    .max(500, "Audience must be at most 500 characters.")
    .regex(/^\S+$/, "Audience must not contain spaces.")
    .optional(),
});

export const authMethodSchema = z.enum(["client_secret_post", "client_secret_basic", "private_key_jwt"], {
  error: "Authentication method must be client_secret_post, client_secret_basic or private_key_jwt.",
});

export const resourceScopeSchema = z.object({
  resource: nameSchema("Resource"),
  scopes: z
    .array(scopeSchema)
    .max(100, "At most 100 scopes per resource.")
    .default([])
    .superRefine(unique("scope")),
});

export const clientSchema = z.object({
  auth_method: authMethodSchema.default("client_secret_post"),
  resource_scopes: z
    .array(resourceScopeSchema)
    .max(50, "At most 50 granted resources.")
    .default([])
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((r, i) => {
        if (seen.has(r.resource)) {
          ctx.addIssue({ code: "custom", path: [i, "resource"], message: `Duplicate resource '${r.resource}'.` });
        }
        seen.add(r.resource);
      });
    }),
  access_token_lifetime: z
    .number({ error: "Access token lifetime must be a number of seconds." })
    .int()
    .min(300, "Access token lifetime must be at least 300 seconds.")
    .max(86400, "Access token lifetime must be at most 86400 seconds.")
    .default(3600),
  allow_legacy_assertion_audience: z.boolean().default(false),
  // A secret client accepts Basic and post (RFC 6749 §2.3.1) unless this is set; private_key_jwt is always strict.
  strict_auth_method: z.boolean().default(false),
  client_credentials_enabled: z.boolean().default(true),
});

const partyFields = {
  name: partyNameSchema,
  display_name: displayNameSchema.nullish(),
  note: noteSchema.nullish(),
  resource: resourceSchema.nullish(),
  client: clientSchema.nullish(),
  claim_transforms: claimTransformsSchema.default([]),
};

const needsPart = (p: { resource?: unknown; client?: unknown }) => Boolean(p.resource || p.client);
const needsPartIssue = { message: "A party needs a resource part, a client part or both.", path: ["resource"] };

export const partyCreateSchema = z.object(partyFields).refine(needsPart, needsPartIssue);
export type PartyCreateInput = z.input<typeof partyCreateSchema>;
export type PartyData = z.output<typeof partyCreateSchema>;

/** PUT replaces the party; `version` (or If-Match) guards against a concurrent edit; a new `name` renames. */
export const partyUpdateSchema = z
  .object({ ...partyFields, version: z.number().int().min(1).optional() })
  .refine(needsPart, needsPartIssue);
export type PartyUpdateInput = z.input<typeof partyUpdateSchema>;
