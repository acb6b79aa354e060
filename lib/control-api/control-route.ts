import "server-only";
import { randomUUID } from "node:crypto";
import { authenticateControlApi } from "./authenticate";
import type { Actor } from "@/lib/tenancy";
import { isDomainError, type DomainError } from "@/lib/control/errors";
import { dbFailureOf } from "@/lib/db/failure";
import { HttpProblem, problemResponse, type ProblemInit } from "./problem";
import { allowedMethods, type ControlApiRoute } from "./routes";
import { controlRouteTemplate } from "./route-template";
import {
  logRequest,
  noteRequest,
  observeControlRequest,
  REQUEST_ID_HEADER,
  requestIdFrom,
  logFailure,
  withRequestId,
  type RequestNote,
} from "@/lib/telemetry";

type Params = Record<string, string>;
export type ControlContext<P extends Params> = { req: Request; actor: Actor; params: P };

// Tenant, track and party names in paths are case-insensitive (README "Control API"); ids and kids are not.
const LOWERCASED = new Set(["tenant", "track", "name"]);

const STATUS: Record<DomainError["kind"], { status: number; title: string }> = {
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  validation: { status: 422, title: "Validation failed" },
  precondition_failed: { status: 412, title: "Precondition failed" },
  forbidden: { status: 403, title: "Forbidden" },
  payload_too_large: { status: 413, title: "Payload too large" },
};

/**
 * The one wrapper every Control API route uses: authenticate, run the handler (which calls one
 * domain function), and answer every failure as problem+json. Unexpected errors are logged with a
 * correlation id; the response carries only that id.
 */
export function controlRoute<P extends Params = Params>(handler: (ctx: ControlContext<P>) => Promise<Response>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const instance = new URL(req.url).pathname;
    const fromEdge = req.headers.get(REQUEST_ID_HEADER);
    const requestId = fromEdge ?? requestIdFrom(null, false);
    const note: RequestNote = { route: controlRouteTemplate(instance) };
    const response = await withRequestId(requestId, async () => {
      try {
        const params = pathParams((await context.params) ?? ({} as P));
        if (NAME.test(params.tenant ?? "")) note.tenant = params.tenant;
        if (NAME.test(params.track ?? "")) note.track = params.track;
        const actor = await authenticateControlApi(req);
        if (actor.kind === "client") note.client = actor.clientId;
        return await handler({ req, actor, params });
      } catch (e) {
        return errorResponse(e, instance);
      }
    });
    observeControlRequest(note.route!, req.method, response.status);
    response.headers.set("x-request-id", requestId);
    // under `npm start` the edge writes the line; plain `next start` or `next dev` have no edge
    if (fromEdge) noteRequest(requestId, note);
    else logRequest({ ...note, requestId, method: req.method, status: response.status, durationMs: performance.now() - started });
    return response;
  };
}

const NAME = /^[a-z0-9_-]{1,50}$/;

// A parameter is one path segment, which Next.js has percent-decoded once; decoding it again would let
// "%252e%252e" become "..". A dot segment, a slash, a backslash or a control character never names an
// object (names, ids and kids have grammars without them), so such a parameter goes no further.
const UNSAFE_PARAM = /^\.{1,2}$|[/\\\x00-\x1f\x7f]/;

function pathParams<P extends Params>(raw: P): P {
  const out: Params = {};
  for (const [k, v] of Object.entries(raw)) {
    if (typeof v !== "string" || UNSAFE_PARAM.test(v)) {
      throw new HttpProblem({ status: 400, title: "Bad request", detail: `The path segment for '${k}' is not valid.` });
    }
    out[k] = LOWERCASED.has(k) ? v.toLowerCase() : v;
  }
  return out as P;
}

export function errorResponse(e: unknown, instance: string): Response {
  if (e instanceof HttpProblem) return problemResponse(e.init, instance);
  if (isDomainError(e)) {
    const init: ProblemInit = { ...STATUS[e.kind], detail: e.message };
    if (e.kind === "validation") {
      init.extra = {
        errors: e.fields.map((f) => ({ field: f.field, pointer: `#/${f.field.replace(/\./g, "/")}`, detail: f.message })),
      };
    }
    return problemResponse(init, instance);
  }
  const id = randomUUID();
  logFailure("unexpected_error", `control api error ${id}`, e, { error_id: id, where: "control api", path: instance });
  const failure = dbFailureOf(e);
  if (failure) return problemResponse(DB_FAILURE[failure](id), instance);
  return problemResponse(
    { status: 500, title: "Internal server error", detail: `Something went wrong (id ${id}).`, extra: { correlation_id: id } },
    instance,
  );
}

// The database is down or full (README "Failure behaviour"). Every write is one transaction, so it
// happened whole or not at all; when the database stopped answering after the commit, it happened.
const DB_FAILURE = {
  unavailable: (id: string): ProblemInit => ({
    status: 503,
    title: "Database unavailable",
    detail: `The database did not answer. Retry later; a write either happened whole or not at all, so read before repeating one (id ${id}).`,
    headers: { "retry-after": "5" },
    extra: { correlation_id: id },
  }),
  "storage-full": (id: string): ProblemInit => ({
    status: 507,
    title: "Insufficient storage",
    detail: `The database has no room left to write; nothing was changed. Reads go on (id ${id}).`,
    extra: { correlation_id: id },
  }),
};

/** A path under /api/control that is not in the route table: 404 as problem+json, whatever the method. */
export async function notFoundRoute(req: Request): Promise<Response> {
  return problemResponse(
    { status: 404, title: "Not found", detail: "There is no Control API resource at this path (see /api/control/openapi.json)." },
    new URL(req.url).pathname,
  );
}

/** The handler for a method a Control API path does not offer: 405 as problem+json, with Allow from the route table. */
export function methodNotAllowed(route: ControlApiRoute | string[]) {
  const allowed = Array.isArray(route) ? route : allowedMethods(route);
  return async (req: Request): Promise<Response> =>
    problemResponse(
      {
        status: 405,
        title: "Method not allowed",
        detail: `This resource accepts ${allowed.join(", ")}.`,
        headers: { allow: allowed.join(", ") },
      },
      new URL(req.url).pathname,
    );
}
