import net from "node:net";

/**
 * A TCP proxy between a test server and PostgreSQL, to take the database away without touching the shared
 * PostgreSQL server: `cut()` resets every connection and refuses new ones (a database that went down),
 * `stall()` accepts connections and forwards nothing either way (a database, or a network, that hangs),
 * `restore()` forwards again.
 */
export type TcpProxy = { port: number; cut(): Promise<void>; stall(): void; restore(): Promise<void>; close(): Promise<void> };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>();
  let mode: "forward" | "stall" = "forward";
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {});
  };
  const server = net.createServer((client) => {
    track(client);
    if (mode === "stall") return; // accepted, never answered
    const upstream = net.connect(target);
    track(upstream);
    client.pipe(upstream);
    upstream.pipe(client);
    client.on("close", () => upstream.destroy());
    upstream.on("close", () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => (server.off("error", reject), resolve()));
  });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const resetAll = () => {
    for (const s of sockets) s.resetAndDestroy();
    sockets.clear();
  };
  return {
    port,
    async cut() {
      const closed = new Promise<void>((r) => server.close(() => r()));
      resetAll();
      await closed;
    },
    stall() {
      mode = "stall";
      for (const s of sockets) s.pause(); // existing connections go silent too
    },
    async restore() {
      mode = "forward";
      resetAll(); // a stalled connection's state is lost; the server must reconnect
      if (!server.listening) await listen(port);
    },
    async close() {
      const closed = server.listening ? new Promise<void>((r) => server.close(() => r())) : Promise.resolve();
      resetAll();
      await closed;
    },
  };
}
