import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Imports point down (app → components → lib) and never in a circle; the protocol core stays
// framework-free. README "Code map" describes the layers.
const structure = {
  files: ["**/*.{ts,tsx,js,mjs}"],
  settings: { "import/ignore": ["node_modules"] },
  rules: {
    "import/no-cycle": ["error", { ignoreExternal: true }],
    "import/no-restricted-paths": [
      "error",
      {
        zones: [
          { target: ["./lib", "./components"], from: "./app", message: "lib and components must not import app: move the code down." },
          { target: "./lib", from: "./components", message: "lib must not import components." },
          { target: "./lib/oauth", from: "./node_modules/next", message: "lib/oauth is the framework-free protocol core." },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  structure,
  { ignores: ["lib/db/generated/**", "**/.next*/**", "test-results/**", "playwright-report/**", "data/**"] },
];

export default config;
