// RFC 9457 problem details. `type` names the kind of problem; no stack trace or internal detail ever goes in.

export type ProblemInit = {
  status: number;
  title: string;
  detail?: string;
  type?: string;
  headers?: Record<string, string>;
  extra?: Record<string, unknown>;
};

const TYPES: Record<number, string> = {
  400: "malformed-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  412: "precondition-failed",
  413: "payload-too-large",
  415: "unsupported-media-type",
  422: "validation-failed",
  500: "internal-error",
  503: "database-unavailable",
  507: "insufficient-storage",
};

export const problemType = (status: number) => `urn:fennec:problem:${TYPES[status] ?? "error"}`;

/** An HTTP failure a handler throws; the wrapper turns it into a problem+json response. */
export class HttpProblem extends Error {
  constructor(readonly init: ProblemInit) {
    super(init.detail ?? init.title);
    this.name = "HttpProblem";
  }
}

export function problemResponse(init: ProblemInit, instance: string): Response {
  const body = {
    type: init.type ?? problemType(init.status),
    title: init.title,
    status: init.status,
    ...(init.detail ? { detail: init.detail } : {}),
    instance,
    ...init.extra,
  };
  return new Response(JSON.stringify(body), {
    status: init.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...init.headers },
  });
}
