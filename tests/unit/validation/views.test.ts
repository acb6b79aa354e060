import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { adminUserView } from "@/lib/control/admin-user-views";
import { auditView, clientKeyPreview, clientKeyView, partyView, secretView, signingKeyView, tenantView, trackView } from "@/lib/control/views";
import { buildOpenApiDocument } from "@/lib/control-api/openapi";
import * as v from "@/lib/validation";

// The views of lib/validation describe what the Control API answers: the OpenAPI document is generated
// from them and the integration tests check responses against them. A view the API builds must pass its
// schema unchanged (nothing dropped, no value outside an enum).
const same = <S extends z.ZodType>(schema: S, value: z.output<S>) => expect(schema.parse(value)).toStrictEqual(value);

const t0 = new Date("2026-11-29T10:00:00.000Z");
const t1 = new Date("2026-11-30T10:00:00.000Z");
const at = t0.toISOString();

const partyRow = (isResource: boolean, isClient: boolean) => ({
  id: "p1",
  name: "web",
  displayName: "Web",
  note: null,
  isResource,
  resourceScopes: ["write", "read"],
  resourceAudience: null,
  isClient,
  authMethod: "private_key_jwt" as const,
  accessTokenLifetime: 600,
  allowLegacyAssertionAudience: true,
  strictAuthMethod: true,
  clientCredentialsEnabled: false,
  claimTransforms: [{ type: "constant", action: "add", order: 0, claims_in: [], claims_out: ["tier"], transformation: "gold", transformation_extension: null }],
  version: 2,
  createdAt: t0,
  updatedAt: t1,
  grants: [{ scopes: ["b", "a"], resource: { name: "api" } }],
  _count: { secrets: 1, clientKeys: 2 },
});
const signingKey = (state: "primary" | "secondary" | "retired") =>
  signingKeyView({ kid: `k-${state}`, alg: "ES256", state, next: state === "secondary", notBefore: t0, notAfter: t1, activateAt: state === "secondary" ? t1 : null, retireAt: null, x5tS256: null, subject: "CN=k", createdAt: t0 });
const keyRow = { kid: "ck", x5tS256: "abc", subject: "CN=c", issuer: "CN=ca", notBefore: t0, notAfter: new Date("2999-01-01T00:00:00Z"), createdAt: t0, jwk: { kty: "EC", alg: "ES256" }, lastUsedAt: t1 };

describe("Control API views", () => {
  it("tenants, tracks and their pages", () => {
    const tenant = tenantView({ name: "acme", displayName: null, version: 1, createdAt: t0, updatedAt: t1 });
    same(v.tenantViewSchema, tenant);
    same(v.tenantPageSchema, { data: [tenant], next_cursor: "c" });
    const track = trackView("acme", { name: "prod", displayName: "Prod", signingAlgorithm: "PS256", keyValidityMonths: 3, keyRenewDaysBeforeExpiry: 10, keyPrimaryAfterDays: 5, version: 4, createdAt: t0, updatedAt: t1 });
    same(v.trackViewSchema, track);
    same(v.trackPageSchema, { data: [track], next_cursor: null });
  });

  it("parties of each kind, and a created client with its one-time secret", () => {
    for (const [r, c] of [[true, false], [false, true], [true, true]]) {
      const party = partyView(partyRow(r, c));
      same(v.partyViewSchema, party);
      same(v.partyPageSchema, { data: [party], next_cursor: null });
    }
    same(v.createdPartySchema, { ...partyView(partyRow(false, true)), secret: "s3cr3t" });
    expect(() => v.partyViewSchema.parse({ ...partyView(partyRow(true, false)), kind: "neither" })).toThrow();
  });

  it("secrets, client keys and signing keys", () => {
    const secret = secretView({ id: "s1", info: "abc", createdAt: t0, expiresAt: t1, lastUsedAt: null });
    same(v.secretViewSchema, secret);
    same(v.secretListSchema, { data: [secret] });
    same(v.createdSecretSchema, { ...secret, secret: "s3cr3t" });
    const key = clientKeyView(keyRow);
    same(v.clientKeyViewSchema, key);
    same(v.clientKeyListSchema, { data: [key] });
    same(v.clientKeyPreviewSchema, clientKeyPreview({ ...keyRow, jwk: keyRow.jwk }));
    const keys = [signingKey("primary"), signingKey("secondary"), signingKey("retired")];
    same(v.signingKeyListSchema, { data: keys });
    same(v.rotateResultSchema, { primary_kid: "k-primary", next_kid: "k-secondary", activate_at: at, keys });
    same(v.promoteResultSchema, { primary_kid: "k-secondary", previous_kid: "k-primary", keys });
  });

  it("the audit log, revoked tokens, usage, administrators and problems", () => {
    const event = auditView({ id: "e1", createdAt: t0, tenantName: "acme", trackName: null, actorType: "admin", actor: "a@b", action: "party.create", targetType: "party", targetName: "web", changes: { name: "web" }, correlationId: "r1" });
    same(v.auditViewSchema, event);
    same(v.auditPageSchema, { data: [event], next_cursor: null });
    same(v.revokedTokenViewSchema, { jti: "j1", revoked_at: at, expires_at: at });
    same(v.revokedTokenPageSchema, { tokens_not_before: at, data: [{ jti: "j1", revoked_at: at, expires_at: at }], next_cursor: null });
    same(v.revokeTokensResultSchema, { tokens_not_before: at });
    const counts = { issued: 3, failed: 1 };
    for (const granularity of ["minute", "hour", "day"] as const) {
      same(v.usageViewSchema, {
        from: at,
        to: at,
        granularity,
        client: null,
        totals: counts,
        series: [{ at, ...counts }],
        clients: [{ client: "web", ...counts, last_issued_at: at }],
        errors: [{ error: "invalid_client", count: 1 }],
      });
    }
    const user = adminUserView({ id: "u1", email: "a@b", name: null, role: "viewer", disabledAt: t1, mustChangePassword: true, lastSignInAt: null, createdAt: t0, updatedAt: t1, tenantId: "t", tenant: { name: "acme" } });
    same(v.adminUserViewSchema, user);
    same(v.adminUserPageSchema, { data: [user], next_cursor: null });
    same(v.adminUserWithPasswordSchema, { user, one_time_password: "once" });
    same(v.problemSchema, { type: "about:blank", title: "Bad", status: 400, detail: "d", instance: "/x", errors: [{ field: "name", pointer: "/name", detail: "d" }], correlation_id: "c" });
  });

  it("an export is readable by the import, and an import answers with its plan", () => {
    const doc: v.ExportDocumentView = {
      fennec_export_version: 1,
      exported_at: at,
      exported_from: { tenant: "acme", track: "prod" },
      track: { display_name: null, signing_algorithm: "EdDSA", key_validity_months: 3, key_renew_days_before_expiry: 10, key_primary_after_days: 5 },
      parties: [
        { name: "api", display_name: null, note: "n", resource: { scopes: ["read"], audience: "https://api" }, client: null, claim_transforms: [] },
        {
          name: "web",
          display_name: "Web",
          note: null,
          resource: null,
          client: {
            auth_method: "private_key_jwt",
            resource_scopes: [{ resource: "api", scopes: ["read"] }],
            access_token_lifetime: 600,
            allow_legacy_assertion_audience: false,
            strict_auth_method: true,
            client_credentials_enabled: true,
            keys: [{ kid: "k1", certificate: "PEM" }, { kid: "k2", jwk: { kty: "EC" } }],
          },
          claim_transforms: [],
        },
      ],
    };
    same(v.exportDocumentViewSchema, doc);
    expect(v.exportDocumentSchema.parse(doc).parties.map((p) => p.name)).toEqual(["api", "web"]);

    const parties = (["create", "update", "unchanged", "conflict"] as const).map((action, i) => ({
      name: `p${i}`,
      kind: (["resource", "client", "both", "client"] as const)[i],
      action,
      changes: action === "update" ? ["note"] : [],
      ...(action === "conflict" ? { reason: "taken" } : {}),
    }));
    for (const action of ["update", "unchanged", "skipped"] as const) {
      same(v.importResultSchema, { mode: "apply", applied: true, track: { action, changes: [] }, parties, secrets: [{ party: "p0", secret: "s" }] });
    }
  });

  it("the import limits: 4 MiB through the API, below Next.js' 1 MB server action body in the UI", () => {
    expect(v.MAX_IMPORT_BYTES).toBe(4 * 1024 * 1024);
    expect(1_000_000 - v.MAX_UI_IMPORT_BYTES).toBe(16 * 1024);
  });

  it("the OpenAPI document holds no empty description", () => {
    const empty: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== "object") return;
      for (const [k, child] of Object.entries(node)) {
        if (k === "description" && (typeof child !== "string" || child.trim() === "")) empty.push(path);
        walk(child, `${path}/${k}`);
      }
    };
    const doc = buildOpenApiDocument("http://localhost:3000");
    walk(doc, "");
    expect(empty).toEqual([]);
    const created = doc.components.schemas.CreatedParty as { properties: Record<string, { description?: string }> };
    expect(created.properties.secret.description).toMatch(/only in this response/);
  });
});
