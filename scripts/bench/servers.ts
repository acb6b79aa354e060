import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

export type Running = { url: string; stop: () => Promise<void> };

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

/** A production build in distDir (relative to cwd), made only when missing or when BENCH_REBUILD=1. */
export function ensureBuild(cwd: string, distDir: string, env: Record<string, string> = {}) {
  if (fs.existsSync(path.join(cwd, distDir, "BUILD_ID")) && process.env.BENCH_REBUILD !== "1") return;
  console.log(`building ${path.relative(ROOT, cwd) || "Fennec"} into ${distDir} ...`);
  const r = spawnSync(bin("next"), ["build"], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`build failed in ${cwd}`);
}

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
    if (await opts.ready(url).catch(() => false)) return { url, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`${name} was not ready within 90 s:\n${log}`);
}
