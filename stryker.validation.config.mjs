// lib/validation alone, static mutants included:
//   nice -n 10 npx stryker run stryker.validation.config.mjs
// Its zod schemas are built when the module loads, so nearly all of its behaviour (lengths, counts,
// patterns, the messages users see) is in "static" mutants, which `npm run test:mutation` leaves out
// (`ignoreStatic`). A static mutant needs a fresh load and a run of all the tests, so this config runs
// only the tests under tests/unit/validation (vitest.mutation-validation.config.ts).
import base from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  ...base,
  mutate: ["lib/validation/**/*.ts"],
  vitest: { configFile: "vitest.mutation-validation.config.ts" },
  ignoreStatic: false,
  concurrency: 1,
  jsonReporter: { fileName: "reports/mutation/validation.json" },
};

export default config;
