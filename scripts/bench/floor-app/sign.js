import { randomUUID } from "node:crypto";
import { generateKeyPair, SignJWT } from "jose";

const keyPair = generateKeyPair("RS256");

/** The same RS256 access token Fennec issues (same header and claims), as a token response. */
export async function tokenResponse() {
  const { privateKey } = await keyPair;
  const now = Math.floor(Date.now() / 1000);
  const access_token = await new SignJWT({
    iss: "http://localhost/master/master/",
    sub: "bench-client",
    client_id: "bench-client",
    aud: "bench-api",
    scope: "bench-api:read",
    iat: now,
    nbf: now,
    exp: now + 3600,
    jti: randomUUID(),
  })
    .setProtectedHeader({ alg: "RS256", kid: "floor", typ: "at+jwt" })
    .sign(privateKey);
  return new Response(JSON.stringify({ access_token, token_type: "Bearer", expires_in: 3600, scope: "bench-api:read" }), {
    headers: { "content-type": "application/json", "cache-control": "no-store", pragma: "no-cache" },
  });
}
