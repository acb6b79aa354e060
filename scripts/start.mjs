#!/usr/bin/env node
// `npm start`: build when there is no build (Next.js's, and the custom server bundled beside it), then
// run the server in this process: it claims the data folder, migrates and bootstraps, and serves one
// port (lib/server/main.ts). Worker processes of FENNEC_WORKERS run this file again and only serve.
import { spawnSync } from "node:child_process";
import cluster from "node:cluster";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const distDir = process.env.FENNEC_DIST_DIR || ".next";
const buildId = path.resolve(root, distDir, "BUILD_ID");
const bundle = path.resolve(root, distDir, "fennec-server.mjs");
const mtime = (f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env }).status ?? 1;

process.chdir(root);
process.env.NODE_ENV ??= "production";
if (cluster.isPrimary) {
  if (!mtime(buildId)) {
    console.log("Fennec: no production build yet, building first (npm run build)...");
    if (run(path.join(root, "node_modules", ".bin", "next"), ["build"]) !== 0) process.exit(1);
  }
  // the server bundle is quick to make: remake it whenever Next.js's build is newer
  if (mtime(bundle) < mtime(buildId) && run(process.execPath, [path.join(root, "scripts/build-server.mjs")]) !== 0) process.exit(1);
}

const { startFennec } = await import(pathToFileURL(bundle).href);
await startFennec({ root });
