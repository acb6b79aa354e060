// Load generation (autocannon) in interleaved rounds, and the tables the bench prints.
import autocannon, { type Request, type Result } from "autocannon";
import type { Running } from "./servers";
import type { Endpoint } from "./targets";

export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
export const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
export const SLICE = Number(process.env.BENCH_SLICE ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);

/** One measured thing: a server and what to send it (fixed, or built per request). */
export type Load = {
  name: string;
  server: Running;
  endpoint: Endpoint;
  /** per-request variation (a fresh assertion, another client); built before each round */
  requests?: () => Request[];
};

export type Measured = {
  name: string;
  /** 2xx responses per second over every round */
  rps: number;
  perRound: number[];
  p50: number;
  p99: number;
  cpuMsPerRequest: number;
  ok: number;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function fire(l: Load, duration: number): Promise<Result> {
  const result = await autocannon({
    url: l.endpoint.url,
    method: "POST",
    headers: l.endpoint.headers,
    body: l.endpoint.body,
    connections: CONNECTIONS,
    duration,
    ...(l.requests ? { requests: l.requests() } : {}),
  });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${l.name}: ${result.non2xx} non-2xx responses and ${result.errors} errors during the run`);
  }
  return result;
}

/**
 * Warm-up, then ROUNDS rounds in which every load runs SLICE seconds back to back: on a shared machine
 * background work comes and goes, so each round measures all of them side by side. CPU is the server's
 * process group (user + system), which depends much less on other load than req/s does.
 */
export async function interleaved(loads: Load[]): Promise<Measured[]> {
  for (const l of loads) await fire(l, WARMUP);
  const results: Result[][] = loads.map(() => []);
  const cpu = loads.map(() => 0);
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < loads.length; i++) {
      const before = loads[i].server.cpuMs();
      results[i].push(await fire(loads[i], SLICE));
      cpu[i] += loads[i].server.cpuMs() - before;
    }
    console.log(`  round ${r + 1}: ${loads.map((l, i) => `${l.name} ${Math.round(results[i][r]["2xx"] / SLICE)}/s`).join(", ")}`);
  }
  return loads.map((l, i) => {
    const ok = results[i].reduce((n, x) => n + x["2xx"], 0);
    return {
      name: l.name,
      rps: ok / (ROUNDS * SLICE),
      perRound: results[i].map((x) => x["2xx"] / SLICE),
      p50: median(results[i].map((x) => x.latency.p50)),
      p99: Math.max(...results[i].map((x) => x.latency.p99)),
      cpuMsPerRequest: cpu[i] / ok,
      ok,
    };
  });
}

/** a / b: overall, and the median of the per-round ratios */
export function ratio(a: Measured, b: Measured): string {
  const perRound = median(a.perRound.map((x, i) => x / b.perRound[i]));
  return `${(a.rps / b.rps).toFixed(2)}x overall, ${perRound.toFixed(2)}x median of rounds`;
}

export function printTable(title: string, rows: Measured[]) {
  console.log(`\n${title}\n`);
  console.log("| target | req/s | p50 ms (median of rounds) | p99 ms (worst round) | server CPU ms / request | 2xx |");
  console.log("|---|---|---|---|---|---|");
  for (const m of rows) {
    console.log(`| ${m.name} | ${Math.round(m.rps).toLocaleString("en")} | ${m.p50} | ${m.p99} | ${m.cpuMsPerRequest.toFixed(2)} | ${m.ok.toLocaleString("en")} |`);
  }
}
