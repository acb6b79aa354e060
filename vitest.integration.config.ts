import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// Each database mode runs its own file list: `*.postgres.test.ts` only on PostgreSQL, `*.pglite.test.ts`
// only on PGlite, every other file on both; so a run reports no skipped test for a mode's files.
const mode = process.env.FENNEC_TEST_DB === "postgres" ? "postgres" : "pglite";
const otherMode = mode === "postgres" ? "pglite" : "postgres";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/integration/**/*.test.ts"],
    exclude: [...configDefaults.exclude, `tests/integration/**/*.${otherMode}.test.ts`],
    globalSetup: ["tests/support/global-setup.ts"],
    environment: "node",
    // Two cores: files run one after another against the shared server.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
