import cluster, { type Worker } from "node:cluster";
import { applyRelayedChanges, relayChangesTo, type RelayedChange } from "@/lib/cache/change-feed";

// A worker's committed changes go to the primary, which passes them to every other worker; each one
// applies them and says so, and once all have, the primary tells the sender, whose write answers only
// then. A sibling that is stuck or gone holds the answer up for at most ACK_TIMEOUT_MS (it learns the
// change from the poll anyway).
const ACK_TIMEOUT_MS = 1000;

type RelayMessage = { fennec: "changes"; id: number; changes: RelayedChange[]; origin?: number };
type AppliedMessage = { fennec: "changes-applied"; id: number; origin: number };
type RelayedMessage = { fennec: "changes-relayed"; id: number };
const isMessage = <T extends { fennec: string }>(kind: T["fennec"]) => (m: unknown): m is T =>
  typeof m === "object" && m !== null && (m as T).fennec === kind && typeof (m as { id?: unknown }).id === "number";
const isRelay = (m: unknown): m is RelayMessage => isMessage<RelayMessage>("changes")(m) && Array.isArray(m.changes);
const isApplied = isMessage<AppliedMessage>("changes-applied");
const isRelayed = isMessage<RelayedMessage>("changes-relayed");

/** In a worker: send what this process commits to the primary, and apply what siblings committed. */
export function relayChangesBetweenWorkers() {
  let seq = 0;
  const waiting = new Map<number, () => void>();
  relayChangesTo(
    (changes) =>
      new Promise<void>((resolve) => {
        if (!process.send) return resolve();
        const id = ++seq;
        const done = () => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve();
        };
        const timer = setTimeout(done, ACK_TIMEOUT_MS);
        waiting.set(id, done);
        process.send({ fennec: "changes", id, changes } satisfies RelayMessage, undefined, undefined, (e) => e && done());
      }),
  );
  process.on("message", (m) => {
    if (isRelay(m) && typeof m.origin === "number") {
      applyRelayedChanges(m.changes);
      process.send?.({ fennec: "changes-applied", id: m.id, origin: m.origin } satisfies AppliedMessage);
    } else if (isRelayed(m)) waiting.get(m.id)?.();
  });
}

/** In the primary: pass a worker's committed changes on to every other worker, and tell it when all applied them. */
export function forwardChangesBetweenWorkers() {
  const pending = new Map<string, { origin: Worker; id: number; left: Set<number> }>();
  const finish = (key: string) => {
    const p = pending.get(key);
    if (!p || p.left.size > 0) return;
    pending.delete(key);
    if (p.origin.isConnected()) p.origin.send({ fennec: "changes-relayed", id: p.id } satisfies RelayedMessage);
  };
  cluster.on("message", (from, m) => {
    if (isRelay(m)) {
      const siblings = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && w !== from && w.isConnected());
      const key = `${from.id}:${m.id}`;
      pending.set(key, { origin: from, id: m.id, left: new Set(siblings.map((w) => w.id)) });
      setTimeout(() => pending.delete(key), ACK_TIMEOUT_MS).unref();
      for (const w of siblings) w.send({ ...m, origin: from.id } satisfies RelayMessage);
      finish(key);
    } else if (isApplied(m)) {
      const key = `${m.origin}:${m.id}`;
      pending.get(key)?.left.delete(from.id);
      finish(key);
    }
  });
  // a worker that dies owes no answer
  cluster.on("exit", (w) => {
    for (const [key, p] of pending) {
      p.left.delete(w.id);
      finish(key);
    }
  });
}
