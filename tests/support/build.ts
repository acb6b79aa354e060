import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { root } from "./server";

// Integration and e2e tests run the production build: make sure it is not older than the code it
// is meant to test. scripts/test.mjs builds once and sets FENNEC_TEST_SKIP_BUILD=1 for the rest.

const SOURCES = ["app", "components", "lib", "prisma", "scripts/build-server.mjs", "proxy.ts", "instrumentation.ts", "next.config.js", "postcss.config.mjs", "package.json"];

function newestSource(p: string): number {
  const stat = fs.statSync(p, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(p)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    newest = Math.max(newest, newestSource(path.join(p, name)));
  }
  return newest;
}

/** Why the build must be made again, or null when it is newer than every source file. */
export function staleBuild(): string | null {
  const dist = path.resolve(root, process.env.FENNEC_DIST_DIR || ".next");
  const built = ["BUILD_ID", "fennec-server.mjs"].map((f) => fs.statSync(path.join(dist, f), { throwIfNoEntry: false })?.mtimeMs ?? 0);
  if (Math.min(...built) === 0) return "no production build yet";
  const sources = Math.max(...SOURCES.map((s) => newestSource(path.join(root, s))));
  return sources > Math.min(...built) ? "the sources changed since the last build" : null;
}

export function ensureBuild() {
  if (process.env.FENNEC_TEST_SKIP_BUILD === "1") return;
  const why = staleBuild();
  if (!why) return;
  console.log(`Fennec tests: ${why}, building first (npm run build)...`);
  const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (r.status !== 0) throw new Error("npm run build failed");
}
