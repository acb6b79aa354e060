import path from "node:path";
import { configDefaults, defineConfig } from "vitest/config";

// `npm run test:mutation` (Stryker): the unit tests of the pure modules it mutates, nothing else.
export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      "server-only": path.resolve(import.meta.dirname, "tests/empty-module.ts"),
    },
  },
  test: {
    include: [
      "tests/unit/claims/**/*.test.ts",
      "tests/unit/oauth/basic-auth.test.ts",
      "tests/unit/oauth/read-form.test.ts",
      "tests/unit/oauth/resolve-scopes.test.ts",
      "tests/unit/control/validation.test.ts",
      "tests/unit/validation/**/*.test.ts",
    ],
    // They load lib/validation and lib/claims inside a test: this run, which leaves out static mutants
    // (ignoreStatic), would then count them as covered by that test alone. stryker.validation.config.mjs
    // and stryker.claims.config.mjs run them.
    exclude: [...configDefaults.exclude, "tests/unit/validation/loads.test.ts", "tests/unit/claims/loads.test.ts"],
    environment: "node",
    testTimeout: 20_000,
  },
});
