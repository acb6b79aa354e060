import { configDefaults, defineConfig } from "vitest/config";
import base from "./vitest.mutation.config";

// stryker.validation.config.mjs: lib/validation's own unit tests only (each static mutant runs all of them).
export default defineConfig({ ...base, test: { ...base.test, include: ["tests/unit/validation/**/*.test.ts"], exclude: configDefaults.exclude } });
