/**
 * Reads a request body stream whole, stopping (and cancelling it) as soon as it passes `max` bytes,
 * whatever Content-Length claimed. Returns null when it is too large. Shared by the token route and
 * the Control API, each of which answers "too large" in its own format.
 */
export async function readStreamCapped(body: ReadableStream<Uint8Array> | null, max: number): Promise<Buffer | null> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
