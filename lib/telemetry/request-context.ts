import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

// The request id (README "Operations"): taken from X-Request-Id only when a trusted proxy sent it,
// otherwise generated; the production server's edge puts it in REQUEST_ID_HEADER (always overwritten)
// for Next.js, and returns it as X-Request-Id. What a handler learns about the request (route, tenant,
// track, client, error) is left here for the edge's log line, keyed by that id and taken back when
// the response finishes; the map is bounded.
export const REQUEST_ID_HEADER = "x-fennec-request-id";
const INCOMING = /^[A-Za-z0-9._:@+=/-]{1,128}$/;
const MAX_NOTES = 10_000;

export type RequestNote = { route?: string; tenant?: string; track?: string; client?: string; error?: string };

type State = { storage: AsyncLocalStorage<string>; notes: Map<string, RequestNote> };
const g = globalThis as unknown as { __fennecRequests?: State };
const state = (): State => (g.__fennecRequests ??= { storage: new AsyncLocalStorage(), notes: new Map() });

/** A trusted proxy's X-Request-Id when it is a plain token of at most 128 characters, else a new id. */
export function requestIdFrom(incoming: string | string[] | undefined | null, fromTrustedProxy: boolean): string {
  const v = Array.isArray(incoming) ? incoming[0] : incoming;
  return fromTrustedProxy && v && INCOMING.test(v) ? v : randomUUID();
}

export function noteRequest(id: string | null | undefined, note: RequestNote) {
  // under plain `next start` no edge overwrites the header, so a caller could choose the key
  if (!id || !INCOMING.test(id)) return;
  const s = state();
  const prev = s.notes.get(id);
  if (prev) Object.assign(prev, note);
  else if (s.notes.size < MAX_NOTES) s.notes.set(id, { ...note });
}

export function takeRequestNote(id: string): RequestNote | undefined {
  const s = state();
  const note = s.notes.get(id);
  if (note) s.notes.delete(id);
  return note;
}

/** Runs fn with the request id as the context's id (the audit trail stores it on what fn writes). */
export function withRequestId<T>(id: string, fn: () => T): T {
  return state().storage.run(id, fn);
}

export const currentRequestId = (): string | undefined => state().storage.getStore();
