// The floor: a bare node:http server that reads the request body (every token endpoint must) and signs
// the same RS256 access token Fennec issues (same header and claims) with jose, and does nothing else:
// no routing, no client authentication, no database. Run by scripts/bench/run.ts as a child process.
import { randomUUID } from "node:crypto";
import http from "node:http";
import { generateKeyPair, SignJWT } from "jose";

const { privateKey } = await generateKeyPair("RS256");
const headers = { "content-type": "application/json", "cache-control": "no-store", pragma: "no-cache" };

async function token() {
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
  return JSON.stringify({ access_token, token_type: "Bearer", expires_in: 3600, scope: "bench-api:read" });
}

http
  .createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      Buffer.concat(chunks);
      token().then((body) => {
        res.writeHead(200, { ...headers, "content-length": Buffer.byteLength(body) });
        res.end(body);
      });
    });
  })
  .listen(Number(process.env.PORT), () => console.log(`floor listening on ${process.env.PORT}`));
