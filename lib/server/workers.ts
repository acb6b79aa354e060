import cluster, { type Worker } from "node:cluster";
import { forwardChangesBetweenWorkers } from "./worker-relay";
import { logEvent } from "@/lib/telemetry";

const STOP_MS = 10_000;
const QUICK_DEATH_MS = 10_000;
const MAX_BACKOFF_MS = 30_000;

/**
 * The primary of FENNEC_WORKERS > 1: forks the workers, which share the port (node:cluster), restarts
 * one that dies (with a growing pause when they keep dying at once), and on SIGTERM/SIGINT stops them
 * all and exits when they have.
 */
export function runWorkers(count: number) {
  let stopping = false;
  let backoff = 1000;
  const started = new Map<Worker, number>();
  const listening = new Set<Worker>();
  const fork = () => started.set(cluster.fork(), Date.now());

  forwardChangesBetweenWorkers();
  cluster.on("listening", (worker) => listening.add(worker));
  cluster.on("exit", (worker, code, signal) => {
    const lived = Date.now() - (started.get(worker) ?? 0);
    started.delete(worker);
    if (stopping) {
      if (started.size === 0) process.exit();
      return;
    }
    if (!listening.delete(worker)) {
      // it printed why; a worker that cannot start would fail again
      stop(1);
      return;
    }
    backoff = lived < QUICK_DEATH_MS ? Math.min(backoff * 2, MAX_BACKOFF_MS) : 1000;
    logEvent("error", "worker_stopped", `Fennec: worker ${worker.process.pid} stopped (${signal ?? `exit code ${code}`}); starting another in ${backoff / 1000} s`, { worker_pid: worker.process.pid });
    setTimeout(() => !stopping && fork(), backoff);
  });
  for (let i = 0; i < count; i++) fork();
  logEvent("info", "workers_started", `Fennec: started ${count} worker processes (FENNEC_WORKERS), primary pid ${process.pid}`, { workers: count });

  function stop(exitCode = 0) {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    if (started.size === 0) process.exit();
    for (const w of started.keys()) w.process.kill("SIGTERM");
    setTimeout(() => {
      for (const w of started.keys()) w.process.kill("SIGKILL");
      process.exit();
    }, STOP_MS).unref();
  }
  for (const sig of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(sig, () => stop());
}
