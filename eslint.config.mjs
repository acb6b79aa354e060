import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ["lib/db/generated/**", "**/.next*/**", "test-results/**", "playwright-report/**", "data/**"] },
];

export default config;
