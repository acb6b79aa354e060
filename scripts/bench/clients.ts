// 10,000 clients: made through the Control API, warmed once each (one argon2 check apiece), then
// requests spread uniformly over all of them against the single client, on the fast mount.
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Request } from "autocannon";
import { interleaved, printTable, ratio, type Load } from "./load";
import { ROOT, type Running } from "./servers";
import { basic, benchClient, FORM_HEADERS, startFennec, type Fennec } from "./targets";

const COUNT = Number(process.env.BENCH_CLIENTS ?? 10_000);
const PARALLEL = 4;
const FIRST = 100;
const MB = 2 ** 20;

/** Runs fn(i) for i < count, `parallel` at a time; reports progress every 1,000. */
async function each(count: number, parallel: number, what: string, fn: (i: number) => Promise<void>) {
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        await fn(i);
        if ((i + 1) % 1000 === 0) console.log(`  ${what}: ${i + 1} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
      }
    }),
  );
}

/** The server's live JavaScript heap and RSS after a full garbage collection, through its inspector. */
function memory(server: Running): { heapUsed: number; rss: number } {
  const url = /Debugger listening on (ws:\/\/\S+)/.exec(server.log())?.[1];
  if (!url) throw new Error("the server's inspector address is not in its log");
  const out = execFileSync(process.execPath, ["--experimental-websocket", path.join(ROOT, "scripts/bench/heap.mjs"), url], { encoding: "utf8" });
  return JSON.parse(out) as { heapUsed: number; rss: number };
}

async function makeClients(f: Fennec): Promise<string[]> {
  const headers: string[] = new Array(COUNT);
  await each(COUNT, PARALLEL, "clients created", async (i) => {
    const name = `c-${String(i).padStart(5, "0")}`;
    const created = await f.control("POST", "master/master/parties", {
      name,
      client: { auth_method: "client_secret_basic", resource_scopes: [{ resource: "bench-api", scopes: ["read"] }] },
    });
    headers[i] = basic(name, created.secret as string);
  });
  return headers;
}

export async function manyClients() {
  console.log(`\n## ${COUNT.toLocaleString("en")} clients in one track (Fennec fast mount, embedded PGlite)`);
  // the inspector (loopback, a free port) only lets the bench force a garbage collection before it reads the heap
  const f = await startFennec("Fennec fast mount", { NODE_OPTIONS: "--inspect=127.0.0.1:0" });
  try {
    const single = await benchClient(f);
    const made = Date.now();
    const authorizations = await makeClients(f);
    console.log(`  made ${COUNT} clients through the Control API in ${((Date.now() - made) / 1000).toFixed(0)} s`);

    // Memory is read after the first 100 clients are warm, so that one-time growth (argon2's working
    // memory, 19 MiB per check; code warming up) is not counted as the clients' memory.
    const warm = async (i: number) => {
      const r = await fetch(single.url, { method: "POST", headers: { ...FORM_HEADERS, authorization: authorizations[i] }, body: single.body });
      if (r.status !== 200) throw new Error(`warm-up of client ${i}: ${r.status} ${await r.text()}`);
    };
    const warmStart = Date.now();
    await each(FIRST, PARALLEL, "clients warmed", warm);
    const before = memory(f.server);
    let firstThousandMs = 0;
    await each(COUNT - FIRST, PARALLEL, "clients warmed", async (i) => {
      await warm(FIRST + i);
      if (FIRST + i === 999) firstThousandMs = Date.now() - warmStart;
    });
    const warmMs = Date.now() - warmStart;
    const after = memory(f.server);

    // Both loads build each request the same way (in the load generator, which shares the machine), so
    // that only the server's side differs: the same client every time, or the next of all of them.
    let n = 0;
    const perRequest = (authorization: () => string): Request[] => [
      { method: "POST", setupRequest: (req) => ({ ...req, headers: { ...FORM_HEADERS, authorization: authorization() } }) },
    ];
    const loads: Load[] = [
      { name: "one client", server: f.server, endpoint: single, requests: () => perRequest(() => single.headers.authorization) },
      { name: `${COUNT.toLocaleString("en")} clients, uniformly`, server: f.server, endpoint: single, requests: () => perRequest(() => authorizations[n++ % COUNT]) },
    ];
    const m = await interleaved(loads);
    printTable("| Fennec fast mount, client_secret_basic, after one warm-up request per client", m);
    console.log(`spread over ${COUNT} clients / one client: ${ratio(m[1], m[0])} (target >= 0.9x)`);
    const per = (d: number) => ((d / MB) * (COUNT / (COUNT - FIRST))).toFixed(1);
    console.log(
      `server memory after a full GC, ${FIRST} warm clients -> ${COUNT}: live JS heap ${(before.heapUsed / MB).toFixed(0)} -> ${(after.heapUsed / MB).toFixed(0)} MB ` +
        `(growth ${per(after.heapUsed - before.heapUsed)} MB per ${COUNT} warm clients; target <= 60 MB), RSS ${(before.rss / MB).toFixed(0)} -> ${(after.rss / MB).toFixed(0)} MB (growth ${per(after.rss - before.rss)} MB)`,
    );
    console.log(`warming cold clients (one argon2 check each, ${PARALLEL} requests at a time): the first 1,000 in ${(firstThousandMs / 1000).toFixed(1)} s, all ${COUNT} in ${(warmMs / 1000).toFixed(1)} s`);
  } finally {
    await f.stop();
  }
}
