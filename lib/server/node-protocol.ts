import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
import type { ProtocolHeaders, ProtocolRequest, ProtocolResponse } from "@/lib/oauth/protocol";

class NodeHeaders implements ProtocolHeaders {
  constructor(private readonly raw: IncomingHttpHeaders) {}

  get(name: string): string | null {
    const v = this.raw[name];
    if (v === undefined) return null;
    return typeof v === "string" ? v : v.join(", ");
  }
}

/** A node:http request as the protocol core's plain request: no Web Request, no URL object. */
export class NodeProtocolRequest implements ProtocolRequest {
  readonly headers: ProtocolHeaders;

  constructor(
    private readonly req: IncomingMessage,
    readonly method: string,
    readonly query: string | null,
  ) {
    this.headers = new NodeHeaders(req.headers);
  }

  readBody(max: number): Promise<Uint8Array | null> {
    return readCapped(this.req, max);
  }
}

/**
 * Reads the body while counting its bytes: past `max` it stops keeping them and answers null at once
 * (whatever Content-Length said); the rest is drained and dropped by node:http after the response.
 */
function readCapped(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        done();
        req.resume();
        resolve(null);
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size));
    };
    const onError = (e: Error) => {
      done();
      reject(e);
    };
    const onClose = () => {
      done();
      reject(new Error("the client closed the connection before the body was complete"));
    };
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

export function sendProtocolResponse(res: ServerResponse, r: ProtocolResponse) {
  if (r.body !== null) r.headers["content-length"] = String(Buffer.byteLength(r.body));
  res.writeHead(r.status, r.headers);
  res.end(r.body ?? undefined);
}
