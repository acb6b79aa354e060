import type { ClientKeyUpload } from "@/lib/validation/client-key";
import { classifyKeyFile, clientKeyJsonSchema } from "@/lib/validation/client-key";
import { parseInput } from "@/lib/control/parse";
import { invalid } from "@/lib/control/errors";
import { isJsonType, mediaType, readJson, readMultipart, unsupportedMediaType } from "./read-body";

/** A key upload: multipart `file` (+ `password`), or JSON `{certificate}`, `{jwk}` or `{pfx, password}`. */
export async function readClientKeyUpload(req: Request): Promise<{ upload: ClientKeyUpload; field: string }> {
  const type = mediaType(req);
  if (type === "multipart/form-data") {
    const form = await readMultipart(req);
    const file = form.get("file");
    const password = form.get("password");
    if (!file || typeof file === "string") throw invalid([{ field: "file", message: "Attach the certificate or pfx as 'file'." }]);
    const data = Buffer.from(await file.arrayBuffer());
    if (data.length === 0) throw invalid([{ field: "file", message: "The file is empty." }]);
    const pw = typeof password === "string" && password !== "" ? password : undefined;
    return { upload: classifyKeyFile(data, file.name ?? "", pw), field: "file" };
  }
  if (!isJsonType(type)) throw unsupportedMediaType(type, "multipart/form-data or application/json");
  const body = parseInput(clientKeyJsonSchema, await readJson(req));
  if (body.jwk) return { upload: { kind: "jwk", jwk: body.jwk }, field: "jwk" };
  if (body.pfx) return { upload: { kind: "pfx", data: Buffer.from(body.pfx, "base64"), password: body.password }, field: "pfx" };
  const cert = body.certificate!.trim();
  return cert.startsWith("-----BEGIN")
    ? { upload: { kind: "pem", text: cert }, field: "certificate" }
    : { upload: { kind: "der", data: Buffer.from(cert, "base64") }, field: "certificate" };
}
