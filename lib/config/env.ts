import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies, TrustedProxiesError, type TrustedProxies } from "./trusted-proxies";

// The only module that reads process.env (STYLE.md). A bad value stops start-up with one line naming the variable.

const optional = (s: z.ZodString) => z.preprocess((v) => (v === "" ? undefined : v), s.optional());

export const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// or postgresql:// URL"),
  ),
  FENNEC_DATA_DIR: z.string().min(1).default("./data"),
  FENNEC_PUBLIC_URL: optional(
    z
      .string()
      .url("must be an absolute URL such as https://id.example.com")
      .regex(/^https?:\/\//, "must start with http:// or https://")
      .refine((v) => !/[?#]/.test(v), "must not contain a query or fragment"),
  ),
  FENNEC_KEY_ENCRYPTION_KEY: optional(
    z
      .string()
      .refine((v) => decodeKey(v) !== null, "must be 32 bytes as 64 hex characters or base64/base64url"),
  ),
  FENNEC_SESSION_SECRET: optional(z.string().min(32, "must be at least 32 characters")),
  FENNEC_ADMIN_EMAIL: optional(z.string().regex(/^[^\s@]+@[^\s@]+$/, "must be an e-mail address").max(320)),
  FENNEC_ADMIN_PASSWORD: optional(z.string().min(12, "must be at least 12 characters").max(200)),
  FENNEC_BOOTSTRAP_CLIENT_ID: optional(
    z.string().regex(/^[\w-]{1,50}$/, "must be 1-50 letters, digits, '_' or '-'"),
  ),
  FENNEC_BOOTSTRAP_CLIENT_SECRET: optional(
    z.string().min(16, "must be at least 16 characters").max(300, "must be at most 300 characters"),
  ),
  FENNEC_TRUSTED_PROXIES: z.string().max(4000, "must be at most 4000 characters").optional(),
  FENNEC_FAST_MOUNT: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"], "must be on or off").default("on")),
  FENNEC_WORKERS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number("must be a whole number from 1 to 256").int("must be a whole number from 1 to 256").min(1).max(256).optional(),
  ),
  // JWKS is served with max-age=300: a rotated key is published this long before it signs.
  FENNEC_KEY_PUBLISH_LEAD_SECONDS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int("must be a whole number of seconds").min(0).max(86_400).default(300),
  ),
  FENNEC_METRICS_TOKEN: optional(z.string().min(16, "must be at least 16 characters").max(500)),
  FENNEC_METRICS_ALLOW: z.string().max(4000, "must be at most 4000 characters").optional(),
  FENNEC_LOG_LEVEL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], "must be fatal, error, warn, info, debug, trace or silent").default("info"),
  ),
  FENNEC_LOG_FORMAT: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["json", "pretty"], "must be json or pretty").optional()),
  FENNEC_USAGE: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["on", "off"], "must be on or off").default("on")),
  FENNEC_USAGE_RETENTION_DAYS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int("must be a whole number").min(1).max(3650).default(30),
  ),
  // RFC 6749 §2.3.1 brute-force window of the token endpoint's client authentication (lib/oauth/failure-throttle.ts)
  FENNEC_CLIENT_THROTTLE_WINDOW_SECONDS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int("must be a whole number of seconds").min(1).max(3600).default(60),
  ),
  FENNEC_MAX_PARTIES_PER_TRACK: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number().int("must be a whole number").min(1).max(1_000_000).default(20_000),
  ),
});

export type FennecConfig = {
  port: number;
  databaseUrl: string | undefined;
  dataDir: string;
  publicUrl: string;
  keyEncryptionKey: Buffer | undefined;
  sessionSecret: string | undefined;
  admin: { email: string | undefined; password: string | undefined };
  bootstrapClient: { id: string; secret: string } | undefined;
  /** whose X-Forwarded-For to believe (lib/net/client-address.ts); none by default */
  trustedProxies: TrustedProxies;
  /** protocol endpoints on node:http ahead of Next.js (FENNEC_FAST_MOUNT, default on) */
  fastMount: boolean;
  /** FENNEC_WORKERS, default the number of CPUs; `workersSet` says whether it was given */
  workers: number;
  workersSet: boolean;
  maxPartiesPerTrack: number;
  /** after 20 failed client authentications, how long no new secret is checked (FENNEC_CLIENT_THROTTLE_WINDOW_SECONDS) */
  clientThrottleWindowSeconds: number;
  /** how long "rotate" publishes the next key before it signs (FENNEC_KEY_PUBLISH_LEAD_SECONDS) */
  keyPublishLeadSeconds: number;
  /** who may read GET /metrics (README "Operations"): a bearer token and/or client addresses; off when both are unset */
  metrics: { token: string | undefined; allow: TrustedProxies };
  log: { level: string; format: "json" | "pretty" };
  /** per-client token counters, /metrics' token series and last-used times (FENNEC_USAGE, default on) */
  usage: { enabled: boolean; retentionDays: number };
};

export class ConfigError extends Error {}

export function decodeKey(value: string): Buffer | null {
  const v = value.trim();
  if (/^[0-9a-fA-F]{64}$/.test(v)) return Buffer.from(v, "hex");
  if (/^[A-Za-z0-9+/_-]{43}={0,1}$/.test(v)) {
    const b = Buffer.from(v.replace(/-/g, "+").replace(/_/g, "/"), "base64");
    return b.length === 32 ? b : null;
  }
  return null;
}

export function parseConfig(env: Record<string, string | undefined>): FennecConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  if (Boolean(e.FENNEC_BOOTSTRAP_CLIENT_ID) !== Boolean(e.FENNEC_BOOTSTRAP_CLIENT_SECRET)) {
    throw new ConfigError(
      "FENNEC_BOOTSTRAP_CLIENT_ID and FENNEC_BOOTSTRAP_CLIENT_SECRET must be set together",
    );
  }
  if (Boolean(e.FENNEC_ADMIN_EMAIL) !== Boolean(e.FENNEC_ADMIN_PASSWORD)) {
    throw new ConfigError("FENNEC_ADMIN_EMAIL and FENNEC_ADMIN_PASSWORD must be set together");
  }
  const publicUrl = (e.FENNEC_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
  let metricsAllow: TrustedProxies;
  try {
    metricsAllow = parseTrustedProxies(e.FENNEC_METRICS_ALLOW);
    if (metricsAllow.kind === "count") throw new TrustedProxiesError("must be a list of IP addresses or CIDRs such as 127.0.0.1");
  } catch (err) {
    if (err instanceof TrustedProxiesError) throw new ConfigError(`FENNEC_METRICS_ALLOW ${err.message}`);
    throw err;
  }
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies(e.FENNEC_TRUSTED_PROXIES);
  } catch (err) {
    if (err instanceof TrustedProxiesError) throw new ConfigError(`FENNEC_TRUSTED_PROXIES ${err.message}`);
    throw err;
  }
  return {
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.FENNEC_DATA_DIR),
    publicUrl,
    keyEncryptionKey: e.FENNEC_KEY_ENCRYPTION_KEY ? decodeKey(e.FENNEC_KEY_ENCRYPTION_KEY)! : undefined,
    sessionSecret: e.FENNEC_SESSION_SECRET,
    admin: { email: e.FENNEC_ADMIN_EMAIL?.toLowerCase(), password: e.FENNEC_ADMIN_PASSWORD },
    bootstrapClient: e.FENNEC_BOOTSTRAP_CLIENT_ID
      ? { id: e.FENNEC_BOOTSTRAP_CLIENT_ID.toLowerCase(), secret: e.FENNEC_BOOTSTRAP_CLIENT_SECRET! }
      : undefined,
    trustedProxies,
    fastMount: e.FENNEC_FAST_MOUNT === "on",
    workers: e.FENNEC_WORKERS ?? os.availableParallelism(),
    workersSet: e.FENNEC_WORKERS !== undefined,
    maxPartiesPerTrack: e.FENNEC_MAX_PARTIES_PER_TRACK,
    clientThrottleWindowSeconds: e.FENNEC_CLIENT_THROTTLE_WINDOW_SECONDS,
    keyPublishLeadSeconds: e.FENNEC_KEY_PUBLISH_LEAD_SECONDS,
    metrics: { token: e.FENNEC_METRICS_TOKEN, allow: metricsAllow },
    log: { level: e.FENNEC_LOG_LEVEL, format: e.FENNEC_LOG_FORMAT ?? (env.NODE_ENV === "production" ? "json" : "pretty") },
    usage: { enabled: e.FENNEC_USAGE === "on", retentionDays: e.FENNEC_USAGE_RETENTION_DAYS },
  };
}

let cached: FennecConfig | undefined;

export function getConfig(): FennecConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
