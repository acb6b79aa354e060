// The request path as the client sent it, checked before anything routes it. Next.js parses the URL
// the WHATWG way before routing: "." and ".." segments are resolved, encoded ones ("%2e%2e") and those
// behind a backslash too, so "DELETE …/keys/%2e%2e" would reach the party's own route. No legitimate
// client sends a dot segment (browsers and HTTP libraries resolve their own), so one is refused here,
// as is a percent-encoding that does not decode (Next.js would answer that with a bare 500).

export type RawPathProblem = "dot-segment" | "malformed-encoding";

const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

export function rawPathProblem(rawPath: string): RawPathProblem | null {
  const q = rawPath.indexOf("?");
  const path = q < 0 ? rawPath : rawPath.slice(0, q);
  let malformed = false;
  for (const segment of path.split(/[/\\]/)) {
    if (DOT_SEGMENT.test(segment)) return "dot-segment";
    if (!malformed && segment.includes("%")) {
      try {
        decodeURIComponent(segment);
      } catch {
        malformed = true;
      }
    }
  }
  return malformed ? "malformed-encoding" : null;
}

export type PlainResponse = { status: number; headers: Record<string, string>; body: string };

const DETAIL: Record<RawPathProblem, string> = {
  "dot-segment": "The request path contains a '.' or '..' segment.",
  "malformed-encoding": "The request path contains a malformed percent-encoding.",
};

/** A 400 in the format of the part of Fennec the path addresses. */
export function rawPathAnswer(rawPath: string, problem: RawPathProblem): PlainResponse {
  const path = rawPath.split("?")[0];
  const detail = DETAIL[problem];
  const noSniff = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (path.startsWith("/api/control")) {
    const body = { type: "urn:fennec:problem:malformed-request", title: "Bad request", status: 400, detail, instance: path.slice(0, 500) };
    return { status: 400, headers: { ...noSniff, "content-type": "application/problem+json" }, body: JSON.stringify(body) };
  }
  if (/^\/(?:control|signin|api)(?:[/\\?]|$)/.test(path)) {
    return { status: 400, headers: { ...noSniff, "content-type": "text/plain; charset=utf-8" }, body: `Bad request: ${detail}\n` };
  }
  const body = { error: "invalid_request", error_description: detail.replace(/'/g, "").toLowerCase().replace(/\.$/, "") };
  return { status: 400, headers: { ...noSniff, "content-type": "application/json" }, body: JSON.stringify(body) };
}
