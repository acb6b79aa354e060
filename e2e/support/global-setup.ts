import { randomBytes } from "node:crypto";
import { ensureBuild } from "../../tests/support/build";
import { startServer } from "../../tests/support/server";

// One production server for the whole Playwright run (FENNEC_DIST_DIR or .next), on a fresh PGlite folder
// (or PostgreSQL with FENNEC_TEST_DB=postgres), with a known administrator and a bootstrap client.
// Specs read where it is from process.env, which Playwright's workers inherit.
export default async function globalSetup() {
  ensureBuild();
  const admin = { email: "e2e-admin@example.com", password: randomBytes(18).toString("base64url") };
  const client = { id: "e2e-bootstrap", secret: randomBytes(32).toString("base64url") };
  const server = await startServer({
    env: {
      FENNEC_ADMIN_EMAIL: admin.email,
      FENNEC_ADMIN_PASSWORD: admin.password,
      FENNEC_BOOTSTRAP_CLIENT_ID: client.id,
      FENNEC_BOOTSTRAP_CLIENT_SECRET: client.secret,
    },
  });
  process.env.FENNEC_E2E_URL = server.url;
  process.env.FENNEC_E2E_ADMIN_EMAIL = admin.email;
  process.env.FENNEC_E2E_ADMIN_PASSWORD = admin.password;
  process.env.FENNEC_E2E_CLIENT_ID = client.id;
  process.env.FENNEC_E2E_CLIENT_SECRET = client.secret;
  return async () => {
    await server.stop();
  };
}
