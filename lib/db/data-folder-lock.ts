import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { DataDirError } from "./embedded";

// PGlite serves one process: two on one folder would corrupt it. The lock is a listening Unix socket,
// which the kernel releases when its holder dies (kill -9 included), so a supervisor that restarts at
// once always starts cleanly, and a recycled pid can never look like a holder.
//  - On Linux, first an abstract-namespace socket named after the folder's device and inode: binding
//    it is atomic, so of two processes starting together exactly one gets it.
//  - Then `fennec.lock` in the folder itself, which a process in another network namespace (a second
//    container on the same volume) also sees. A file left by a dead holder refuses connections; it is
//    replaced (safe on Linux: the abstract socket already keeps other starters out).
// Whoever connects to either socket is sent the holder's pid, for the refusal message.

const MAX_SOCKET_PATH = 100; // sun_path is 104 bytes on macOS, 108 on Linux

export type DataFolderLock = { release(): void };

export async function lockDataFolder(dataDir: string): Promise<DataFolderLock> {
  const held: net.Server[] = [];
  try {
    if (process.platform === "linux") held.push(await hold(abstractName(dataDir), dataDir));
    const file = path.join(dataDir, "fennec.lock");
    if (Buffer.byteLength(file) <= MAX_SOCKET_PATH) held.push(await hold(file, dataDir));
    else if (held.length === 0) throw new DataDirError(`FENNEC_DATA_DIR ${dataDir} is too long a path for its lock socket`);
  } catch (e) {
    for (const s of held) s.close();
    throw e;
  }
  return { release: () => held.forEach((s) => s.close()) };
}

function abstractName(dataDir: string) {
  const st = fs.statSync(dataDir);
  return `\0fennec-data-${createHash("sha256").update(`${st.dev}:${st.ino}`).digest("hex").slice(0, 32)}`;
}

async function hold(address: string, dataDir: string, retried = false): Promise<net.Server> {
  const server = net.createServer((socket) => socket.end(`${process.pid}\n`));
  server.unref();
  const err = await new Promise<NodeJS.ErrnoException | null>((resolve) => {
    server.once("error", resolve);
    server.listen(address, () => resolve(null));
  });
  if (!err) return server;
  if (err.code !== "EADDRINUSE") throw new DataDirError(`the data folder ${dataDir} cannot be locked (${err.code ?? err.message})`);
  const holder = await holderPid(address);
  if (holder !== null || retried || address.startsWith("\0")) {
    throw new DataDirError(
      `another Fennec (pid ${holder ?? "unknown"}) is using the data folder ${dataDir}. ` +
        "Stop it first, or use PostgreSQL (DATABASE_URL) to run several instances.",
    );
  }
  fs.rmSync(address, { force: true }); // left by a holder that died: nobody listens on it
  return hold(address, dataDir, true);
}

/** The pid a live holder sends; null when nobody listens (a stale socket file). */
function holderPid(address: string): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = net.connect(address);
    let data = "";
    socket.setTimeout(2000, () => socket.destroy());
    socket.on("data", (d) => (data += d));
    socket.on("error", (e: NodeJS.ErrnoException) => resolve(e.code === "ECONNREFUSED" || e.code === "ENOENT" ? null : "unknown"));
    socket.on("close", () => resolve(/^\d+/.exec(data)?.[0] ?? "unknown"));
  });
}
