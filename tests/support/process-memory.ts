import { execFileSync } from "node:child_process";

/** Resident memory of every process in a server's process group, in bytes (Linux `ps`). */
export function groupRss(pgid: number): number {
  const out = execFileSync("ps", ["-o", "rss=", "-g", String(pgid)], { encoding: "utf8" });
  return out.split("\n").reduce((sum, line) => sum + (Number(line.trim()) || 0), 0) * 1024;
}
