// lib/claims' tables, static mutants included:
//   nice -n 10 npx stryker run stryker.claims.config.mjs
// transform-types.ts is one table built when the module loads (labels, help, FoxIDs' names and numbers,
// actions, which fields a type uses, the messages of missing fields), and input.ts builds its maps of
// accepted spellings from it then: `npm run test:mutation` leaves those "static" mutants out
// (`ignoreStatic`). A static mutant needs a fresh load and a run of all the tests, so this config runs
// only the tests under tests/unit/claims (vitest.mutation-claims.config.ts).
import base from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  ...base,
  mutate: ["lib/claims/transform-types.ts", "lib/claims/input.ts"],
  vitest: { configFile: "vitest.mutation-claims.config.ts" },
  ignoreStatic: false,
  concurrency: 1,
  jsonReporter: { fileName: "reports/mutation/claims.json" },
};

export default config;
