import { getConfig } from "@/lib/config";
import { clientLabel, metrics } from "./metrics";
import { recordUsage, type UsedCredential } from "./usage";

export type { UsedCredential };

/** What the token endpoint knows at the end of one request. */
export type TokenRequestOutcome = {
  /** the track when the path named a known one */
  track: { id: string; tenant: string; track: string } | null;
  /** a registered client's name, when the request named one (authenticated or not) */
  client: string;
  /** "issued" or the OAuth error code */
  outcome: string;
  credential: UsedCredential | null;
  seconds: number;
};

type Child = { inc(): void };
type State = { children: Map<string, Child>; enabled: boolean };
const g = globalThis as unknown as { __fennecTokenCounters?: State };
const MAX_CHILDREN = 20_000;

// The counter's children are kept by (track, client, outcome) so the warm path does one Map lookup,
// not prom-client's label hashing.
function child(s: State, o: TokenRequestOutcome): Child {
  const tenant = o.track?.tenant ?? "";
  const track = o.track?.track ?? "";
  const key = `${o.track?.id ?? ""}\n${o.client}\n${o.outcome}`;
  let c = s.children.get(key);
  if (!c) {
    c = metrics().tokenRequests.labels({ tenant, track, client: clientLabel(tenant, track, o.client), outcome: o.outcome });
    if (s.children.size < MAX_CHILDREN) s.children.set(key, c);
  }
  return c;
}

/** Counts one token request in /metrics and in the usage buckets (unless FENNEC_USAGE=off). */
export function recordTokenRequest(o: TokenRequestOutcome) {
  const s = (g.__fennecTokenCounters ??= { children: new Map(), enabled: getConfig().usage.enabled });
  if (!s.enabled) return;
  child(s, o).inc();
  metrics().tokenDuration.observe(o.seconds);
  if (o.track) recordUsage(o.track.id, o.client, o.outcome, o.credential);
}
