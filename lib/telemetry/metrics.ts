import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import { getDb } from "@/lib/db";

// One registry per process, on globalThis: the custom server and Next.js's bundle are two module graphs
// in one process and must count into the same series. Every label value comes from a bounded set:
// tenant/track/client names of registered objects (capped by MAX_LABELLED_CLIENTS, beyond which they
// fold into "other"), the fixed OAuth error codes, cache names, Control API route templates.
export const MAX_LABELLED_CLIENTS = 1000;
export const OTHER = "other";

type Metrics = {
  registry: Registry;
  tokenRequests: Counter<"tenant" | "track" | "client" | "outcome">;
  tokenDuration: Histogram<never>;
  argon2: Counter<never>;
  cacheHits: Counter<"cache">;
  cacheMisses: Counter<"cache">;
  controlApi: Counter<"route" | "method" | "status">;
  changeFeedLag: Gauge<never>;
  clientLabels: Set<string>;
  lagSource: () => number;
};

const g = globalThis as unknown as { __fennecMetrics?: Metrics };

export function metrics(): Metrics {
  return (g.__fennecMetrics ??= createMetrics());
}

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const m: Metrics = {
    registry,
    tokenRequests: new Counter({
      name: "fennec_token_requests_total",
      help: "Token requests by tenant, track, registered client and outcome (issued or the OAuth error code)",
      labelNames: ["tenant", "track", "client", "outcome"],
      registers: [registry],
    }),
    tokenDuration: new Histogram({
      name: "fennec_token_request_duration_seconds",
      help: "Time to answer a token request",
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    argon2: new Counter({ name: "fennec_client_auth_argon2_total", help: "argon2id verifications run for client secrets", registers: [registry] }),
    cacheHits: new Counter({ name: "fennec_cache_hits_total", help: "In-memory cache hits by cache", labelNames: ["cache"], registers: [registry] }),
    cacheMisses: new Counter({ name: "fennec_cache_misses_total", help: "In-memory cache misses by cache", labelNames: ["cache"], registers: [registry] }),
    controlApi: new Counter({
      name: "fennec_control_api_requests_total",
      help: "Control API requests by route template, method and status",
      labelNames: ["route", "method", "status"],
      registers: [registry],
    }),
    changeFeedLag: new Gauge({
      name: "fennec_change_feed_lag_seconds",
      help: "Seconds since this process last read the change feed (-1 before its first read)",
      registers: [registry],
      collect() {
        const lag = m.lagSource();
        this.set(Number.isFinite(lag) ? lag : -1);
      },
    }),
    clientLabels: new Set(),
    lagSource: () => Infinity,
  };
  new Gauge({
    name: "fennec_signing_key_expiry_seconds",
    help: "Seconds until each current signing key expires (negative when expired)",
    labelNames: ["tenant", "track", "kid"],
    registers: [registry],
    async collect() {
      this.reset();
      for (const k of await signingKeyExpiries()) this.set({ tenant: k.tenant, track: k.track, kid: k.kid }, k.seconds);
    },
  });
  return m;
}

const MAX_KEYS_LISTED = 2000;

async function signingKeyExpiries() {
  const rows = await getDb().signingKey.findMany({
    where: { state: { in: ["primary", "secondary"] } },
    select: { kid: true, notAfter: true, track: { select: { name: true, tenant: { select: { name: true } } } } },
    orderBy: { notAfter: "asc" },
    take: MAX_KEYS_LISTED,
  });
  const now = Date.now();
  return rows.map((r) => ({ tenant: r.track.tenant.name, track: r.track.name, kid: r.kid, seconds: Math.round((r.notAfter.getTime() - now) / 1000) }));
}

/** Where the change feed lag comes from (lib/cache registers it: it sits above this module). */
export function reportChangeFeedLag(source: () => number) {
  metrics().lagSource = source;
}

/** The client label: the registered client's name while fewer than MAX_LABELLED_CLIENTS are labelled, else "other". */
export function clientLabel(tenant: string, track: string, client: string): string {
  if (!client) return "";
  const s = metrics().clientLabels;
  const key = `${tenant}/${track}/${client}`;
  if (s.has(key)) return client;
  if (s.size >= MAX_LABELLED_CLIENTS) return OTHER;
  s.add(key);
  return client;
}

export const countArgon2 = () => metrics().argon2.inc();

export type CacheCounter = { hit(): void; miss(): void };

/** Pre-bound hit and miss counters for one cache (a cache name is a fixed string in code). */
export function cacheCounter(cache: string): CacheCounter {
  const m = metrics();
  const hits = m.cacheHits.labels({ cache });
  const misses = m.cacheMisses.labels({ cache });
  return { hit: () => hits.inc(), miss: () => misses.inc() };
}

const CONTROL_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** One Control API request; route is a template from the route table (a fixed set). */
export function observeControlRequest(route: string, method: string, status: number) {
  metrics().controlApi.labels({ route, method: CONTROL_METHODS.has(method) ? method : "OTHER", status: String(status) }).inc();
}
