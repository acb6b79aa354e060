import type { ClientKeyInput } from "@/lib/certificates/parse-client-key";
import { clientKeyFromForm } from "@/lib/control/client-key-upload";
import { parseInput } from "@/lib/control/parse";
import { clientKeyJsonSchema } from "@/lib/validation/client-key";
import { isJsonType, mediaType, readJson, readMultipart, unsupportedMediaType } from "./read-body";

/** A key upload: multipart `file` (+ `password`), or JSON `{certificate}`, `{jwk}` or `{pfx, password}`. */
export async function readClientKeyUpload(req: Request): Promise<{ upload: ClientKeyInput; field: string }> {
  const type = mediaType(req);
  if (type === "multipart/form-data") return { upload: await clientKeyFromForm(await readMultipart(req)), field: "file" };
  if (!isJsonType(type)) throw unsupportedMediaType(type, "multipart/form-data or application/json");
  const body = parseInput(clientKeyJsonSchema, await readJson(req));
  if (body.jwk) return { upload: { kind: "jwk", jwk: body.jwk }, field: "jwk" };
  if (body.pfx) return { upload: { kind: "pfx", data: Buffer.from(body.pfx, "base64"), password: body.password }, field: "pfx" };
  const cert = body.certificate!.trim();
  return cert.startsWith("-----BEGIN")
    ? { upload: { kind: "pem", text: cert }, field: "certificate" }
    : { upload: { kind: "der", data: Buffer.from(cert, "base64") }, field: "certificate" };
}
