import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/db/generated/**", "**/.next*/**", "test-results/**", "playwright-report/**", "data/**"] },
];
