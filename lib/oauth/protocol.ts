// The protocol core's HTTP boundary: plain data in and out, so that the node:http mount builds no Web
// Request or Response per request, and the Next.js route handlers adapt theirs to the same shape.

export type ProtocolHeaders = {
  /** a header's value by its lower-case name, or null */
  get(name: string): string | null;
};

export interface ProtocolRequest {
  readonly method: string;
  /** the raw query string after "?", or null when the request target has none */
  readonly query: string | null;
  readonly headers: ProtocolHeaders;
  /** The whole body, counted while reading: null as soon as it passes `max` bytes, whatever Content-Length said. */
  readBody(max: number): Promise<Uint8Array | null>;
}

export type ProtocolResponse = { status: number; headers: Record<string, string>; body: string | null };

/** Path parameters, percent-decoded exactly once by the mount that matched the path. */
export type RouteParams = { tenant?: string; track?: string; party?: string };
