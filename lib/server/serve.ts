import http from "node:http";
import next from "next";
import type { FennecConfig } from "@/lib/config";
import { closePglite } from "@/lib/db/adapter";
import { disconnectDb } from "@/lib/db/client";
import { edge } from "./edge";
import { flushUsage, logEvent, logger } from "@/lib/telemetry";
import { fastMount } from "./fast-mount";
import { metricsMount } from "./metrics-mount";

const DRAIN_MS = 3000;

/**
 * One HTTP server on one port: every request passes the edge (raw path checks, the peer's address),
 * then the protocol endpoints go to the fast mount (unless FENNEC_FAST_MOUNT=off) and everything else
 * through Next.js's documented custom-server API. Stops cleanly on SIGTERM/SIGINT.
 */
export async function serve(config: FennecConfig, root: string, onClosed: () => void = () => {}) {
  const app = next({ dev: false, dir: root, port: config.port, hostname: "localhost" });
  await app.prepare();
  const nextHandler = app.getRequestHandler();
  const handle: http.RequestListener = (req, res) => void nextHandler(req, res);
  const server = http.createServer(edge(config.fastMount ? metricsMount(fastMount(handle)) : handle));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, () => resolve());
  });
  const mount = config.fastMount ? "protocol endpoints on the fast mount" : "protocol endpoints through Next.js (FENNEC_FAST_MOUNT=off)";
  logEvent("info", "listening", `Fennec: listening on port ${config.port} (${mount}), pid ${process.pid}`, { port: config.port, fast_mount: config.fastMount });

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const closed = new Promise((r) => server.close(r));
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
    await closed;
    clearTimeout(force);
    await flushUsage().catch(() => {});
    logger().flush();
    await app.close().catch(() => {});
    await disconnectDb().catch(() => {});
    await closePglite().catch(() => {});
    onClosed();
    process.exit(0);
  };
  for (const sig of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(sig, () => void stop());
}
