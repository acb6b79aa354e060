import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.mutation.config";

// stryker.claims.config.mjs: lib/claims' own unit tests only (each static mutant runs all of them).
export default defineConfig({ ...base, test: { ...base.test, include: ["tests/unit/claims/**/*.test.ts"], exclude: configDefaults.exclude } });
