import "server-only";
import { describeError } from "@/lib/errors/describe-error";
import { randomUUID } from "node:crypto";
import { authenticateControlApi } from "./authenticate";
import type { Actor } from "@/lib/tenancy";
import { isDomainError, type DomainError } from "@/lib/control/errors";
import { HttpProblem, problemResponse, type ProblemInit } from "./problem";
import { allowedMethods, type ControlApiRoute } from "./routes";

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
    const instance = new URL(req.url).pathname;
    try {
      const raw = (await context.params) ?? ({} as P);
      const params = Object.fromEntries(
        Object.entries(raw).map(([k, v]) => [k, LOWERCASED.has(k) ? decode(v).toLowerCase() : decode(v)]),
      ) as P;
      const actor = await authenticateControlApi(req);
      return await handler({ req, actor, params });
    } catch (e) {
      return errorResponse(e, instance);
    }
  };
}

function decode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
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
  console.error(`control api error ${id} at ${instance}: ${describeError(e)}`);
  return problemResponse(
    { status: 500, title: "Internal server error", detail: `Something went wrong (id ${id}).`, extra: { correlation_id: id } },
    instance,
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
