import { HttpProblem } from "./problem";

type Options = { status?: number; etag?: number; noStore?: boolean; location?: string };

/** JSON response; `etag` is the object's version, `noStore` for bodies that hold a secret. */
export function json(data: unknown, opts: Options = {}): Response {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.etag !== undefined) headers.etag = `"${opts.etag}"`;
  headers["cache-control"] = opts.noStore ? "no-store" : "private, no-cache";
  if (opts.location) headers.location = opts.location;
  return new Response(JSON.stringify(data), { status: opts.status ?? 200, headers });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
}

/** The version an If-Match header expects: `"3"`, `W/"3"` or `3`; `*` or none means any version. */
export function ifMatchVersion(req: Request): number | undefined {
  const h = req.headers.get("if-match")?.trim();
  if (!h || h === "*") return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(h);
  if (!m) {
    throw new HttpProblem({ status: 412, title: "Precondition failed", detail: "If-Match must carry the version (ETag) of the object, e.g. \"3\"." });
  }
  return Number(m[1]);
}

/** Query parameters as a plain object for the shared list schemas. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams);
}
