import type { PartyView } from "@/lib/control";
import { clientSchema, formDefaults, partyCreateSchema, resourceSchema, type PartyUpdateInput } from "@/lib/validation";

export type PartyFormValues = PartyUpdateInput;
export type PartyKind = "resource" | "client";

/** A new party's values: the schemas' defaults (as the API stores an omitted field) plus empty text fields. */
export function newPartyValues(kind: PartyKind): PartyFormValues {
  return formDefaults(partyCreateSchema, {
    name: "",
    display_name: "",
    note: "",
    resource: kind === "resource" ? newResourcePart() : null,
    client: kind === "client" ? newClientPart() : null,
  });
}

export const newResourcePart = () => formDefaults(resourceSchema, { scopes: [""] });
export const newClientPart = () => formDefaults(clientSchema, {});

/** The whole party as the PUT body, so that a change to one tab keeps everything else as it is. */
export function partyValues(p: PartyView): PartyFormValues {
  return {
    name: p.name,
    display_name: p.display_name ?? "",
    note: p.note ?? "",
    resource: p.resource ? { scopes: p.resource.scopes, ...(p.resource.audience !== p.name ? { audience: p.resource.audience } : {}) } : null,
    client: p.client
      ? {
          auth_method: p.client.auth_method,
          resource_scopes: p.client.resource_scopes,
          access_token_lifetime: p.client.access_token_lifetime,
          allow_legacy_assertion_audience: p.client.allow_legacy_assertion_audience,
          strict_auth_method: p.client.strict_auth_method,
          client_credentials_enabled: p.client.client_credentials_enabled,
        }
      : null,
    claim_transforms: p.claim_transforms as PartyFormValues["claim_transforms"],
    version: p.version,
  };
}
