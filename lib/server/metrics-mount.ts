import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { answerMetrics, noteRequest, REQUEST_ID_HEADER } from "@/lib/telemetry";

/** GET /metrics on node:http (the fast mount); app/metrics/route.ts answers it through Next.js otherwise. */
export function metricsMount(next: RequestListener): RequestListener {
  return (req, res) => {
    const url = req.url ?? "";
    if (url !== "/metrics" && !url.startsWith("/metrics?")) return void next(req, res);
    void serve(req, res);
  };
}

async function serve(req: IncomingMessage, res: ServerResponse) {
  noteRequest(req.headers[REQUEST_ID_HEADER] as string | undefined, { route: "/metrics" });
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
    return void res.end("Method not allowed\n");
  }
  try {
    const answer = await answerMetrics((name) => {
      const v = req.headers[name];
      return Array.isArray(v) ? v[0] : v;
    });
    res.writeHead(answer.status, { ...answer.headers, "content-length": String(Buffer.byteLength(answer.body)) });
    res.end(req.method === "HEAD" ? undefined : answer.body);
  } catch {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
    res.end("Metrics are temporarily unavailable\n");
  }
}
