// 10,000 clients: made through the Control API, warmed once each (one argon2 check apiece), then
// requests spread uniformly over all of them against the single client, on the fast mount.
import type { Request } from "autocannon";
import { interleaved, printTable, ratio, type Load } from "./load";
import { groupRssBytes } from "./servers";
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
  const f = await startFennec("Fennec fast mount", {});
  try {
    const single = await benchClient(f);
    const made = Date.now();
    const authorizations = await makeClients(f);
    console.log(`  made ${COUNT} clients through the Control API in ${((Date.now() - made) / 1000).toFixed(0)} s`);

    // RSS is read after the first 100 clients are warm, so that the allocator's one-time growth for
    // argon2's working memory (19 MiB per check) is not counted as the clients' memory.
    const warm = async (i: number) => {
      const r = await fetch(single.url, { method: "POST", headers: { ...FORM_HEADERS, authorization: authorizations[i] }, body: single.body });
      if (r.status !== 200) throw new Error(`warm-up of client ${i}: ${r.status} ${await r.text()}`);
    };
    const warmStart = Date.now();
    await each(FIRST, PARALLEL, "clients warmed", warm);
    const rssBefore = groupRssBytes(f.server.pid);
    let firstThousandMs = 0;
    await each(COUNT - FIRST, PARALLEL, "clients warmed", async (i) => {
      await warm(FIRST + i);
      if (FIRST + i === 999) firstThousandMs = Date.now() - warmStart;
    });
    const warmMs = Date.now() - warmStart;
    const rssAfter = groupRssBytes(f.server.pid);

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
    const growth = ((rssAfter - rssBefore) / MB) * (COUNT / (COUNT - FIRST));
    console.log(`server memory (RSS) with ${FIRST} warm clients ${(rssBefore / MB).toFixed(0)} MB, with ${COUNT} ${(rssAfter / MB).toFixed(0)} MB: growth ${growth.toFixed(1)} MB per ${COUNT} warm clients (target <= 60 MB)`);
    console.log(`warming cold clients (one argon2 check each, ${PARALLEL} requests at a time): the first 1,000 in ${(firstThousandMs / 1000).toFixed(1)} s, all ${COUNT} in ${(warmMs / 1000).toFixed(1)} s`);
  } finally {
    await f.stop();
  }
}
