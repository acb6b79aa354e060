import cluster from "node:cluster";
import { applyRelayedChanges, relayChangesTo, type RelayedChange } from "@/lib/cache/change-feed";

type RelayMessage = { fennec: "changes"; changes: RelayedChange[] };
const isRelay = (m: unknown): m is RelayMessage =>
  typeof m === "object" && m !== null && (m as RelayMessage).fennec === "changes" && Array.isArray((m as RelayMessage).changes);

/** In a worker: send what this process commits to the primary, and apply what siblings committed. */
export function relayChangesBetweenWorkers() {
  relayChangesTo((changes) => process.send?.({ fennec: "changes", changes } satisfies RelayMessage));
  process.on("message", (m) => {
    if (isRelay(m)) applyRelayedChanges(m.changes);
  });
}

/** In the primary: pass a worker's committed changes on to every other worker. */
export function forwardChangesBetweenWorkers() {
  cluster.on("message", (from, m) => {
    if (!isRelay(m)) return;
    for (const w of Object.values(cluster.workers ?? {})) if (w && w !== from && w.isConnected()) w.send(m);
  });
}
