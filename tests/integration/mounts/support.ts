import fs from "node:fs";
import http from "node:http";
import { createTestDatabase, dbMode, dropTestDatabase, newDataDir, testKek } from "../support/server";

export type RawResponse = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request over node:http exactly as given (any method, chunked bodies, a lying Content-Length). */
export function raw(
  base: string,
  method: string,
  path: string,
  opts: { headers?: Record<string, string>; chunks?: (string | Buffer)[] } = {},
): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, method, path, headers: opts.headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    for (const c of opts.chunks ?? []) req.write(c);
    req.end();
  });
}

/** A data folder or database that outlives one server, for servers started one after another on it. */
export async function sharedTarget() {
  if (dbMode() === "postgres") {
    const databaseUrl = await createTestDatabase();
    return {
      target: { databaseUrl, dataDir: newDataDir(), env: { FENNEC_KEY_ENCRYPTION_KEY: testKek() } as Record<string, string> },
      remove: () => dropTestDatabase(databaseUrl),
    };
  }
  const dataDir = newDataDir();
  return {
    target: { dataDir, databaseUrl: undefined, env: {} as Record<string, string> },
    remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}
