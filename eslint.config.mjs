import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The lib modules from the bottom up (README "Code map"). A module imports only modules of a lower
// layer, never one of its own layer or above, so no two modules import each other. A new module goes
// into this list.
const LIB_LAYERS = [
  ["errors", "config", "tenancy"],
  ["db", "secrets", "certificates", "claims", "net"],
  ["telemetry"],
  ["cache", "audit", "validation", "health"],
  ["keys"],
  ["bootstrap"],
  ["oauth"],
  ["control"],
  ["control-api", "auth"],
  ["server"],
];

const layerZones = LIB_LAYERS.flatMap((layer, i) =>
  layer.map((mod) => {
    const above = LIB_LAYERS.slice(i).flat().filter((m) => m !== mod);
    return {
      target: `./lib/${mod}`,
      from: above.map((m) => `./lib/${m}`),
      message: `lib/${mod} may import only lower layers (eslint.config.mjs LIB_LAYERS, README "Code map").`,
    };
  }),
);

// Imports point down (app → components → lib) and never in a circle; the protocol core stays framework-free.
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
          { target: "./components/ui", from: "./components", except: ["./ui"], message: "components/ui is the generic bottom of components/." },
          {
            target: ["./components/keys", "./components/secrets", "./components/claim-transforms"],
            from: "./components/parties",
            message: "The party screen composes these panels, not the other way round.",
          },
          ...layerZones,
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  structure,
  { ignores: ["lib/db/generated/**", "**/.next*/**", "test-results/**", "playwright-report/**", "data/**", ".stryker-tmp/**", "reports/**"] },
];

export default config;
