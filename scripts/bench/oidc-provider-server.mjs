// node-oidc-provider configured for the bench: client credentials with a JWT access token (RS256)
// for one resource, client_secret_basic. Run by scripts/bench/run.ts as a child process.
import { generateKeyPair, exportJWK } from "jose";
import Provider from "oidc-provider";

const port = Number(process.env.PORT);
const { privateKey } = await generateKeyPair("RS256", { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), use: "sig", alg: "RS256", kid: "bench" };

const provider = new Provider(`http://localhost:${port}`, {
  clients: [
    {
      client_id: process.env.BENCH_CLIENT_ID,
      client_secret: process.env.BENCH_CLIENT_SECRET,
      grant_types: ["client_credentials"],
      redirect_uris: [],
      response_types: [],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  jwks: { keys: [jwk] },
  scopes: ["read"],
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => "urn:fennec:bench-api",
      useGrantedResource: () => true,
      getResourceServerInfo: () => ({
        scope: "read",
        audience: "bench-api",
        accessTokenTTL: 3600,
        accessTokenFormat: "jwt",
        jwt: { sign: { alg: "RS256" } },
      }),
    },
  },
});
provider.listen(port, () => console.log(`oidc-provider listening on ${port}`));
