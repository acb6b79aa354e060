// How a client asks the token endpoint for a token (client credentials grant). No "server-only": the
// admin UI's curl example reads the assertion type from here too.

/** RFC 7523 §2.2: the client_assertion_type of a private_key_jwt assertion. */
export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export type ClientCredentials =
  | { method: "client_secret_post" | "client_secret_basic"; clientId: string; secret: string }
  | { method: "private_key_jwt"; clientId: string; assertion: string };

/** RFC 6749 §2.3.1: id and secret are form-urlencoded before they are joined and base64-encoded. */
export function basicAuthorization(clientId: string, secret: string): string {
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}

/** A client credentials token request (RFC 6749 §4.4.2) as a client would send it. */
export function clientCredentialsRequest(tokenEndpoint: string, credentials: ClientCredentials, scope?: string): Request {
  const form = new URLSearchParams({ grant_type: "client_credentials" });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  switch (credentials.method) {
    case "private_key_jwt":
      form.set("client_id", credentials.clientId);
      form.set("client_assertion_type", JWT_BEARER);
      form.set("client_assertion", credentials.assertion);
      break;
    case "client_secret_basic":
      headers.authorization = basicAuthorization(credentials.clientId, credentials.secret);
      break;
    case "client_secret_post":
      form.set("client_id", credentials.clientId);
      form.set("client_secret", credentials.secret);
      break;
  }
  if (scope) form.set("scope", scope);
  return new Request(tokenEndpoint, { method: "POST", headers, body: form });
}
