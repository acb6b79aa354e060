import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import forge from "node-forge";
import { ClientKeyError } from "./client-key-error";

// PKCS#12 files are opened in a worker thread (pfx-worker.mjs), one fewer at once than the machine has
// cores (a core stays free for the event loop) with a short queue,
// each with a memory cap and a time limit: the key derivation they ask for runs synchronously in
// node-forge, and on the main thread six hostile uploads at once pushed token latency to seconds.
const MAX_CONCURRENT = Math.max(1, availableParallelism() - 1);
const MAX_QUEUED = 16;
const TIME_LIMIT_MS = 10_000;
// The worker is a plain module on disk, loaded by path: it must not pass through a bundler.
const WORKER = path.join(process.cwd(), "lib", "certificates", "pfx-worker.mjs");

type Result = { certificates: Buffer[]; matched: boolean };
type Reply = { certificates?: Uint8Array[]; matched?: boolean; refused?: string; failed?: true };
type Gate = { running: number; queue: (() => void)[] };
const g = globalThis as unknown as { __fennecPfxGate?: Gate };
const gate = () => (g.__fennecPfxGate ??= { running: 0, queue: [] });

/**
 * The certificates of a PKCS#12 file as DER, the one that belongs to the private key first (matched).
 * Only certificates come back from the worker: the private key the file may hold is never returned.
 */
export async function readPfxCertificates(data: Buffer, password: string | undefined): Promise<Result> {
  const s = gate();
  if (s.running >= MAX_CONCURRENT) {
    if (s.queue.length >= MAX_QUEUED) throw new ClientKeyError("Too many .pfx/.p12 files are being read right now; try again in a moment.");
    await new Promise<void>((resolve) => s.queue.push(resolve));
  } else s.running++;
  try {
    return await inWorker(data, password);
  } finally {
    const next = s.queue.shift();
    if (next) next();
    else s.running--;
  }
}

function inWorker(data: Buffer, password: string | undefined): Promise<Result> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 } });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new ClientKeyError("Reading the .pfx/.p12 file took too long; export it again with the usual settings."));
    }, TIME_LIMIT_MS);
    const done = () => clearTimeout(timer);
    worker.once("message", (reply: Reply) => {
      done();
      void worker.terminate();
      if (reply.refused) reject(new ClientKeyError(reply.refused));
      else if (reply.certificates) resolve({ certificates: reply.certificates.map((c) => Buffer.from(c)), matched: Boolean(reply.matched) });
      else reject(new ClientKeyError("This is not a readable .pfx/.p12 file (PKCS#12)."));
    });
    worker.once("error", () => {
      done();
      reject(new ClientKeyError("This is not a readable .pfx/.p12 file (PKCS#12)."));
    });
    worker.postMessage({ data: new Uint8Array(data), password });
  });
}

/** Whether the bytes have the outer shape of a PKCS#12 PFX (version 3), without opening it. */
export function looksLikePfx(data: Buffer): boolean {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(data.toString("binary")), false);
    const version = Array.isArray(asn1.value) ? asn1.value[0] : undefined;
    return version !== undefined && forge.asn1.derToInteger(version.value as string) === 3;
  } catch {
    return false;
  }
}
