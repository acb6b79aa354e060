import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export type Running = { url: string; pid: number; log: () => string; stop: () => Promise<void>; cpuMs: () => number };

/** CPU time (user + system, ms) used so far by every process in a process group (Linux /proc). */
export function groupCpuMs(pgid: number): number {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // fields after the command: state(0) ppid(1) pgrp(2) ... utime(11) stime(12)
      if (Number(f[2]) === pgid) total += ((Number(f[11]) + Number(f[12])) * 1000) / tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/**
 * Fennec's production build in distDir (`npm run build`: Next.js's build and the custom server bundle),
 * made when missing, when BENCH_REBUILD=1, or when a file under `watch` is newer than the build.
 */
export function ensureBuild(distDir: string, watch: string[]) {
  const id = path.join(ROOT, distDir, "BUILD_ID");
  const built = Math.min(mtime(id), mtime(path.join(ROOT, distDir, "fennec-server.mjs")));
  const newer = watch.some((w) => newestMtime(path.join(ROOT, w)) > built);
  if (built && !newer && process.env.BENCH_REBUILD !== "1") return;
  console.log(`building Fennec into ${distDir} ...`);
  // next build adds a build folder other than .next to tsconfig.json's include list: keep the file as it is
  const tsconfig = fs.readFileSync(path.join(ROOT, "tsconfig.json"));
  const r = spawnSync("npm", ["run", "build"], { cwd: ROOT, env: { ...process.env, FENNEC_DIST_DIR: distDir }, stdio: ["ignore", "ignore", "inherit"] });
  fs.writeFileSync(path.join(ROOT, "tsconfig.json"), tsconfig);
  if (r.status !== 0) throw new Error("build failed");
}

const mtime = (f: string) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0);

/** Starts a process in its own group and waits until `ready(url)` answers true. */
export async function startProcess(
  name: string,
  cmd: string,
  args: string[],
  opts: { cwd: string; env: Record<string, string>; port: number; ready: (url: string) => Promise<boolean> },
): Promise<Running> {
  const child: ChildProcess = spawn(cmd, args, {
    cwd: opts.cwd,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", NODE_ENV: "production", PORT: String(opts.port), ...opts.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d) => (log += d));
  child.stderr!.on("data", (d) => (log += d));
  const exited = new Promise<void>((r) => child.on("exit", () => r()));
  const url = `http://localhost:${opts.port}`;
  const stop = async () => {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {}
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {}
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited before it was ready:\n${log}`);
    if (await opts.ready(url).catch(() => false)) return { url, pid: child.pid!, log: () => log, stop, cpuMs: () => groupCpuMs(child.pid!) };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${name} was not ready within 90 s:\n${log}`);
}

function newestMtime(p: string): number {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...fs.readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}
