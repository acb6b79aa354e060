import path from "node:path";

// Same Next.js as Fennec, resolved from the repository's node_modules.
const config = {
  poweredByHeader: false,
  distDir: ".next-floor",
  turbopack: { root: path.resolve(import.meta.dirname, "../../..") },
};

export default config;
