#!/usr/bin/env node
// Part of `npm run build`: bundles the custom server (lib/server/main.ts and the lib/ modules it uses)
// into the build folder as one ES module, next to Next.js's own build. Packages from node_modules stay
// external (loaded by Node, as Next.js loads them), `@/` is the repository root, and `server-only`
// (which throws outside Next.js's react-server build) is an empty module.
import path from "node:path";
import { build } from "esbuild";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const distDir = process.env.FENNEC_DIST_DIR || ".next";
export const serverBundle = (dir = distDir) => path.resolve(root, dir, "fennec-server.mjs");

const resolveLocal = {
  name: "fennec-resolve",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "export {};", loader: "js" }));
    b.onResolve({ filter: /^@\// }, (args) => b.resolve(`./${args.path.slice(2)}`, { resolveDir: root, kind: args.kind }));
    // everything else that is not a relative path is a package: leave it to Node at run time
    b.onResolve({ filter: /^[^./]/ }, (args) => ({ path: args.path, external: true }));
  },
};

export async function buildServer(dir = distDir) {
  await build({
    entryPoints: [path.join(root, "lib/server/main.ts")],
    outfile: serverBundle(dir),
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    plugins: [resolveLocal],
    logLevel: "warning",
    legalComments: "none",
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildServer();
  console.log(`Fennec: bundled the server into ${path.relative(root, serverBundle())}`);
}
