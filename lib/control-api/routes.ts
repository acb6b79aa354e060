// The Control API's routes, the one table both the OpenAPI document (openapi.ts) and each route's
// 405 answer (Allow) are generated from. A new route is a row here and a route file under app/api/control.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const ok = (name: string, description = "OK", headers?: object) => ({
  description,
  ...(headers ? { headers } : {}),
  content: { "application/json": { schema: ref(name) } },
});
const jsonBody = (name: string, required = true) => ({ required, content: { "application/json": { schema: ref(name) } } });
const etag = { ETag: { description: "The object's version; send it back as If-Match.", schema: { type: "string" } } };
const noStore = { "Cache-Control": { description: "no-store: the body holds a secret.", schema: { type: "string" } } };
const pathParam = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const ifMatch = { name: "If-Match", in: "header", required: false, description: "Expected version (ETag); 412 when stale.", schema: { type: "string" } };
const listParams = [
  { name: "filter", in: "query", required: false, schema: { type: "string", maxLength: 100 } },
  { name: "page_size", in: "query", required: false, schema: { type: "integer", minimum: 1, maximum: 500, default: 100 } },
  { name: "cursor", in: "query", required: false, schema: { type: "string" } },
];

const common = {
  "400": problem("Malformed JSON"),
  "401": problem("No, bad or expired access token"),
  "403": problem("The token may not manage this tenant, or lacks the scope"),
  "404": problem("Not found"),
};
const write = { ...common, "413": problem("Body too large"), "415": problem("Wrong content type"), "422": problem("Validation failed") };

type Op = Record<string, unknown>;
const op = (summary: string, responses: object, extra: Op = {}): Op => ({ summary, responses: { ...common, ...responses }, ...extra });

const T = pathParam("tenant", "Tenant name (case-insensitive)");
const K = pathParam("track", "Track name (case-insensitive)");
const N = pathParam("name", "Party name (case-insensitive)");

export type ControlApiRoute = { parameters?: object[] } & Partial<Record<"get" | "post" | "put" | "patch" | "delete", Op>>;

const U = pathParam("id", "Administrator id");
const userQuery = [listParams[0], listParams[1], listParams[2]];

// The same operations over every tenant's administrators (all-tenant callers only) and over one tenant's.
function adminUserRoutes<B extends string>(base: B, params: object[]) {
  const scope = params.length ? "the tenant's" : "every tenant's";
  return {
    [base]: {
      ...(params.length ? { parameters: params } : {}),
      get: op(`List ${scope} administrators`, { "200": ok("AdminUserPage") }, { parameters: userQuery }),
      post: op("Create an administrator; without a password, a one-time password is returned once", { ...write, "201": ok("AdminUserWithPassword", "Created", noStore), "409": problem("E-mail address taken") }, { requestBody: jsonBody("AdminUserCreate") }),
    },
    [`${base}/{id}`]: {
      parameters: [...params, U],
      get: op("Get an administrator", { "200": ok("AdminUser") }),
      patch: op("Disable or enable an administrator (disabling ends their sessions)", { ...write, "200": ok("AdminUser"), "409": problem("The last all-tenant administrator") }, { requestBody: jsonBody("AdminUserUpdate") }),
      delete: op("Delete an administrator", { "204": { description: "Deleted" }, "409": problem("The last all-tenant administrator") }),
    },
    [`${base}/{id}/reset-password`]: {
      parameters: [...params, U],
      post: op("Reset the password to a one-time password, returned once; ends their sessions", { "200": ok("AdminUserWithPassword", "OK", noStore) }),
    },
  } as Record<B | `${B}/{id}` | `${B}/{id}/reset-password`, ControlApiRoute>;
}

export const CONTROL_API_ROUTES = {
  "/api/control/tenants": {
    get: op("List tenants", { "200": ok("TenantPage") }, { parameters: listParams }),
    post: op("Create a tenant with its master track", { ...write, "201": ok("Tenant", "Created", etag), "409": problem("Name taken") }, { requestBody: jsonBody("TenantCreate") }),
  },
  "/api/control/tenants/{tenant}": {
    parameters: [T],
    get: op("Get a tenant", { "200": ok("Tenant", "OK", etag) }),
    delete: op("Delete a tenant and everything in it", { "204": { description: "Deleted" }, "409": problem("The master tenant") }),
  },
  "/api/control/{tenant}/tracks": {
    parameters: [T],
    get: op("List tracks", { "200": ok("TrackPage") }, { parameters: listParams }),
    post: op("Create a track with its first signing key", { ...write, "201": ok("Track", "Created", etag), "409": problem("Name taken") }, { requestBody: jsonBody("TrackCreate") }),
  },
  "/api/control/{tenant}/tracks/{track}": {
    parameters: [T, K],
    get: op("Get a track", { "200": ok("Track", "OK", etag) }),
    patch: op("Change a track's settings", { ...write, "200": ok("Track", "OK", etag), "412": problem("Stale version") }, { parameters: [ifMatch], requestBody: jsonBody("TrackUpdate") }),
    delete: op("Delete a track", { "204": { description: "Deleted" }, "409": problem("The master track") }),
  },
  "/api/control/{tenant}/{track}/parties": {
    parameters: [T, K],
    get: op("List parties", { "200": ok("PartyPage") }, { parameters: listParams }),
    post: op("Create a party (a secret-based client gets its first secret, once)", { ...write, "201": ok("CreatedParty", "Created", { ...etag, ...noStore }), "409": problem("Name taken") }, { requestBody: jsonBody("PartyCreate") }),
  },
  "/api/control/{tenant}/{track}/parties/{name}": {
    parameters: [T, K, N],
    get: op("Get a party", { "200": ok("Party", "OK", etag) }),
    put: op("Replace a party (a different name renames it)", { ...write, "200": ok("Party", "OK", etag), "409": problem("Name taken"), "412": problem("Stale version") }, { parameters: [ifMatch], requestBody: jsonBody("PartyUpdate") }),
    delete: op("Delete a party", { "204": { description: "Deleted" } }),
  },
  "/api/control/{tenant}/{track}/parties/{name}/secrets": {
    parameters: [T, K, N],
    get: op("List a client's secrets (never their values)", { "200": ok("SecretList") }),
    post: op("Create a secret; its value is returned once", { ...write, "201": ok("CreatedSecret", "Created", noStore), "409": problem("Too many secrets or not a client") }, { requestBody: jsonBody("SecretCreate", false) }),
  },
  "/api/control/{tenant}/{track}/parties/{name}/secrets/{id}": {
    parameters: [T, K, N, pathParam("id", "Secret id")],
    delete: op("Delete a secret", { "204": { description: "Deleted" } }),
  },
  "/api/control/{tenant}/{track}/parties/{name}/revoke-tokens": {
    parameters: [T, K, N],
    post: op("Revoke every token the client was issued before now (its \"not before\"); introspection calls them inactive", {
      "200": ok("RevokeTokensResult"),
      "409": problem("Not a client"),
    }),
  },
  "/api/control/{tenant}/{track}/parties/{name}/revoked-tokens": {
    parameters: [T, K, N],
    get: op("A client's \"not before\" and its revoked tokens that have not expired, newest first", { "200": ok("RevokedTokenPage"), "409": problem("Not a client") }, {
      parameters: listParams.filter((p) => p.name !== "filter"),
    }),
  },
  "/api/control/{tenant}/{track}/parties/{name}/keys": {
    parameters: [T, K, N],
    get: op("List a client's keys", { "200": ok("ClientKeyList") }),
    post: op("Add a client key (certificate, pfx or public JWK)", { ...write, "201": ok("ClientKey", "Created"), "409": problem("Duplicate key, too many keys or not a client") }, {
      requestBody: {
        required: true,
        content: {
          "multipart/form-data": {
            schema: { type: "object", properties: { file: { type: "string", contentMediaType: "application/octet-stream" }, password: { type: "string" } }, required: ["file"] },
          },
          "application/json": { schema: ref("ClientKeyJson") },
        },
      },
    }),
  },
  "/api/control/{tenant}/{track}/parties/{name}/keys/{kid}": {
    parameters: [T, K, N, pathParam("kid", "Key id")],
    delete: op("Delete a client key", { "204": { description: "Deleted" } }),
  },
  "/api/control/{tenant}/{track}/signing-keys": {
    parameters: [T, K],
    get: op("List the track's signing keys (public parts)", { "200": ok("SigningKeyList") }),
  },
  "/api/control/{tenant}/{track}/signing-keys/rotate": {
    parameters: [T, K],
    post: op("Rotate: publish the next signing key now; it signs from activate_at (after the JWKS cache lifetime)", { "200": ok("RotateResult") }),
  },
  "/api/control/{tenant}/{track}/signing-keys/promote-now": {
    parameters: [T, K],
    post: op("Emergency: the next (or a new) signing key signs at once; verifiers with a cached JWKS refuse its tokens until they refetch", {
      "200": ok("PromoteResult"),
    }),
  },
  "/api/control/{tenant}/{track}/usage": {
    parameters: [T, K],
    get: op("Token requests of the track: issued and failed per minute, hour or day, the busiest clients, failures by error code", { "200": ok("Usage"), "422": problem("Bad query") }, {
      parameters: [
        { name: "from", in: "query", required: false, description: "ISO 8601; default 24 hours before to", schema: { type: "string", format: "date-time" } },
        { name: "to", in: "query", required: false, description: "ISO 8601; default now", schema: { type: "string", format: "date-time" } },
        { name: "granularity", in: "query", required: false, description: "default: minute up to 3 hours, hour up to 7 days, else day", schema: { type: "string", enum: ["minute", "hour", "day"] } },
        { name: "client", in: "query", required: false, description: "only this client", schema: { type: "string", maxLength: 50 } },
      ],
    }),
  },
  "/api/control/{tenant}/{track}/export": {
    parameters: [T, K],
    get: op("Export the track's settings and parties (public key material only, no secrets)", { "200": ok("ExportDocument") }),
  },
  "/api/control/{tenant}/{track}/import": {
    parameters: [T, K],
    post: op("Import an export document: the plan (dry_run), or apply it all or nothing", {
      ...write,
      "200": ok("ImportResult", "The plan, or what was applied with each new client secret (once)", noStore),
      "409": problem("apply: a party conflicts with the track; nothing was written"),
      "422": problem("A newer export version, a protected party, a missing resource or an invalid value; each is named"),
    }, {
      parameters: [{ name: "mode", in: "query", required: false, schema: { type: "string", enum: ["dry_run", "apply"], default: "dry_run" } }],
      requestBody: jsonBody("ImportDocument"),
    }),
  },
  "/api/control/{tenant}/audit": {
    parameters: [T],
    get: op("The tenant's audit trail, newest first", { "200": ok("AuditPage") }, {
      parameters: [
        ...listParams,
        ...["track", "action", "target_type", "target_name", "actor"].map((name) => ({ name, in: "query", required: false, schema: { type: "string" } })),
      ],
    }),
  },
  ...adminUserRoutes("/api/control/admin-users", []),
  ...adminUserRoutes("/api/control/{tenant}/admin-users", [T]),
} satisfies Record<string, ControlApiRoute>;

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** The methods a route offers, in table order, as an Allow header lists them. */
export function allowedMethods(route: ControlApiRoute): string[] {
  return Object.keys(route)
    .filter((k): k is (typeof METHODS)[number] => (METHODS as readonly string[]).includes(k))
    .map((m) => m.toUpperCase());
}
