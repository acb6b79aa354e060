import { z } from "zod";
import * as v from "@/lib/validation";
import { CONTROL_API_ROUTES } from "./routes";

// The OpenAPI 3.1 document of the Control API: paths from the route table, schemas from the zod
// schemas the handlers and views use.

const toSchema = (s: z.ZodType, io: "input" | "output") => {
  const schema = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
};

const inputs = {
  TenantCreate: v.tenantCreateSchema,
  TrackCreate: v.trackCreateSchema,
  TrackUpdate: v.trackUpdateSchema,
  PartyCreate: v.partyCreateSchema,
  PartyUpdate: v.partyUpdateSchema,
  SecretCreate: v.secretCreateSchema,
  ClientKeyJson: v.clientKeyJsonSchema,
  AdminUserCreate: v.adminUserCreateSchema,
  AdminUserUpdate: v.adminUserUpdateSchema,
  ImportDocument: v.exportDocumentSchema,
};
const outputs = {
  Tenant: v.tenantViewSchema,
  TenantPage: v.tenantPageSchema,
  Track: v.trackViewSchema,
  TrackPage: v.trackPageSchema,
  Party: v.partyViewSchema,
  CreatedParty: v.createdPartySchema,
  PartyPage: v.partyPageSchema,
  SecretList: v.secretListSchema,
  CreatedSecret: v.createdSecretSchema,
  ClientKey: v.clientKeyViewSchema,
  ClientKeyList: v.clientKeyListSchema,
  SigningKeyList: v.signingKeyListSchema,
  RotateResult: v.rotateResultSchema,
  PromoteResult: v.promoteResultSchema,
  AuditPage: v.auditPageSchema,
  RevokedTokenPage: v.revokedTokenPageSchema,
  RevokeTokensResult: v.revokeTokensResultSchema,
  AdminUser: v.adminUserViewSchema,
  AdminUserPage: v.adminUserPageSchema,
  AdminUserWithPassword: v.adminUserWithPasswordSchema,
  Usage: v.usageViewSchema,
  ExportDocument: v.exportDocumentViewSchema,
  ImportResult: v.importResultSchema,
  Problem: v.problemSchema,
};

export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Fennec Control API",
      version: "1.0.0",
      description:
        "Manage tenants, tracks, parties, secrets and keys. Authenticate with a bearer access token for resource control_api " +
        "from a tenant's master track: control_api:master (from master/master) manages every tenant, control_api:tenant its own.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths: CONTROL_API_ROUTES,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", bearerFormat: "JWT" } },
      schemas: {
        ...Object.fromEntries(Object.entries(inputs).map(([k, s]) => [k, toSchema(s, "input")])),
        ...Object.fromEntries(Object.entries(outputs).map(([k, s]) => [k, toSchema(s, "output")])),
      },
    },
  };
}
