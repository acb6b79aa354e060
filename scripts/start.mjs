#!/usr/bin/env node
// `npm start`: build when there is no build, prepare the database (migrate, bootstrap), then `next start`.
// In embedded mode it also holds the data folder's lock: PGlite serves one process only.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const distDir = process.env.FENNEC_DIST_DIR || ".next";
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const run = (cmd, args) => spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: process.env }).status ?? 1;

if (!fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
  console.log("Fennec: no production build yet, building first (npm run build)...");
  if (run(bin("next"), ["build"]) !== 0) process.exit(1);
}

let lockFile;
if (!process.env.DATABASE_URL) {
  const dataDir = path.resolve(root, process.env.FENNEC_DATA_DIR || "./data");
  fs.mkdirSync(dataDir, { recursive: true });
  lockFile = path.join(dataDir, "fennec.pid");
  const holder = fs.existsSync(lockFile) ? Number(fs.readFileSync(lockFile, "utf8")) : 0;
  if (holder && holder !== process.pid && alive(holder)) {
    console.error(
      `Fennec cannot start: another Fennec (pid ${holder}) is using the data folder ${dataDir}. ` +
        "Stop it first, or use PostgreSQL (DATABASE_URL) to run several instances.",
    );
    process.exit(1);
  }
  fs.writeFileSync(lockFile, String(process.pid));
}

const releaseLock = () => {
  try {
    if (lockFile && Number(fs.readFileSync(lockFile, "utf8")) === process.pid) fs.unlinkSync(lockFile);
  } catch {}
};

if (run(bin("tsx"), ["--conditions=react-server", "scripts/prepare.ts"]) !== 0) {
  releaseLock();
  process.exit(1);
}

const port = process.env.PORT || "3000";
const server = spawn(bin("next"), ["start", "-p", port], { cwd: root, stdio: "inherit", env: process.env });
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => server.kill(sig));
}
server.on("exit", (code, signal) => {
  releaseLock();
  process.exit(code ?? (signal ? 1 : 0));
});

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return e.code === "EPERM";
  }
}
