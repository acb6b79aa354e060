import { HttpProblem } from "./problem";
import { readStreamCapped } from "@/lib/oauth/read-stream-capped";

export const MAX_JSON_BYTES = 256 * 1024;
export const MAX_UPLOAD_BYTES = 1024 * 1024;

const tooLarge = (max: number) =>
  new HttpProblem({ status: 413, title: "Payload too large", detail: `The request body is larger than ${max} bytes.` });

/** Reads the body, refusing it (413) as soon as it passes `max` bytes, whatever Content-Length claims. */
export async function readCapped(req: Request, max: number): Promise<Buffer> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const body = await readStreamCapped(req.body, max);
  if (!body) throw tooLarge(max);
  return body;
}

export function mediaType(req: Request): string {
  return (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

const isJson = (type: string) => type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);

/**
 * A JSON body: 415 for another media type, 413 past the cap, 400 when it does not parse. With
 * `optional`, an empty body without a content type reads as {}.
 */
// The body is typed as the caller expects it; the domain layer validates it with the shared schema.
export async function readJson<T = unknown>(req: Request, opts: { max?: number; optional?: boolean } = {}): Promise<T> {
  const type = mediaType(req);
  const max = opts.max ?? MAX_JSON_BYTES;
  if (!type && opts.optional && (await readCapped(req, max)).length === 0) return {} as T;
  if (!isJson(type)) throw unsupportedMediaType(type, "application/json");
  return parseJson(await readCapped(req, max), opts.optional) as T;
}

export function unsupportedMediaType(type: string, expected: string): HttpProblem {
  return new HttpProblem({
    status: 415,
    title: "Unsupported media type",
    detail: `Send the body as ${expected}${type ? `, not ${type}` : ""}.`,
    headers: { accept: expected.split(" or ").join(", ") },
  });
}

export const isJsonType = isJson;

export function parseJson(raw: Buffer, optional = false): unknown {
  if (raw.length === 0 && optional) return {};
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch (e) {
    throw new HttpProblem({
      status: 400,
      title: "Malformed JSON",
      detail: `The request body is not valid JSON: ${(e as Error).message.slice(0, 200)}`,
    });
  }
}

/** A multipart/form-data body, capped before it is parsed. */
export async function readMultipart(req: Request, max = MAX_UPLOAD_BYTES): Promise<FormData> {
  const raw = await readCapped(req, max);
  try {
    return await new Response(new Uint8Array(raw), { headers: { "content-type": req.headers.get("content-type") ?? "" } }).formData();
  } catch {
    throw new HttpProblem({ status: 400, title: "Malformed multipart body", detail: "The multipart/form-data body could not be read." });
  }
}
