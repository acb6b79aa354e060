// `npm run test:mutation`: mutation testing of the pure modules (README "Testing"). Not part of `npm test`:
// it runs the unit tests once per mutant and takes a long time on two cores.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  mutate: [
    "lib/claims/**/*.ts",
    "lib/oauth/basic-auth.ts",
    "lib/oauth/read-form.ts",
    "lib/oauth/resolve-scopes.ts",
    "lib/validation/**/*.ts",
    "!**/*.test.ts",
  ],
  ignorePatterns: [".next*", "data", "test-results", "playwright-report", "e2e", "tests/integration", "reports", ".venv"],
  coverageAnalysis: "perTest",
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};

export default config;
