import "server-only";

export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "invalid_scope"
  | "invalid_target"
  | "server_error";

/** An RFC 6749 §5.2 error. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly opts: { status?: number } = {},
  ) {
    super(description);
  }

  get status(): number {
    return this.opts.status ?? (this.error === "invalid_client" ? 401 : this.error === "server_error" ? 500 : 400);
  }
}

/** The one description every failed client authentication gets: it never tells the id from the secret. */
export const CLIENT_AUTH_FAILED = "client authentication failed";

export const invalidClient = () => new OAuthError("invalid_client", CLIENT_AUTH_FAILED);
export const invalidRequest = (d: string) => new OAuthError("invalid_request", d);
