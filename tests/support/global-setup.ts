import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { ensureBuild } from "./build";
import { startServer, type TestServer } from "./server";

// One shared server per run (per database mode); tests isolate themselves by creating their own tenants.
// Tests that need a server of their own (restarts, crashes, two instances) call startServer() directly.

let server: TestServer | undefined;

export const BOOTSTRAP_CLIENT_ID = "fennec-test-admin";

export default async function setup(project: TestProject) {
  const dbMode = process.env.FENNEC_TEST_DB === "postgres" ? "postgres" : "pglite";
  // `vitest list` (scripts/test.mjs counting the tests of a pass it cannot run) needs no server
  if (process.env.FENNEC_TEST_COLLECT_ONLY === "1") {
    project.provide("fennec", { url: "http://127.0.0.1:9", bootstrapClient: { id: BOOTSTRAP_CLIENT_ID, secret: "" }, dbMode });
    return;
  }
  ensureBuild();
  const secret = randomBytes(32).toString("base64url");
  server = await startServer({
    env: { FENNEC_BOOTSTRAP_CLIENT_ID: BOOTSTRAP_CLIENT_ID, FENNEC_BOOTSTRAP_CLIENT_SECRET: secret },
  });
  project.provide("fennec", {
    url: server.url,
    bootstrapClient: { id: BOOTSTRAP_CLIENT_ID, secret },
    dbMode,
  });
  return async () => {
    await server?.stop();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    fennec: { url: string; bootstrapClient: { id: string; secret: string }; dbMode: "pglite" | "postgres" };
  }
}
