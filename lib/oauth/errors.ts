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

/** An RFC 6749 §5.2 error. `basic` marks that the client tried HTTP Basic. */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly opts: { status?: number; basic?: boolean } = {},
  ) {
    super(description);
  }

  get status(): number {
    return this.opts.status ?? (this.error === "invalid_client" ? 401 : this.error === "server_error" ? 500 : 400);
  }
}

/** The one description every failed client authentication gets: it never tells the id from the secret. */
export const CLIENT_AUTH_FAILED = "client authentication failed";

export const invalidClient = (basic = false) => new OAuthError("invalid_client", CLIENT_AUTH_FAILED, { basic });
export const invalidRequest = (d: string) => new OAuthError("invalid_request", d);
