import "server-only";
import { classifyKeyFile, type ClientKeyInput } from "@/lib/certificates/parse-client-key";
import { invalid } from "./errors";

/**
 * A key file sent as form data (`file`, and `password` for a pfx), from the admin UI's upload or the
 * Control API's multipart body alike; the caller has capped the body's size.
 */
export async function clientKeyFromForm(form: FormData): Promise<ClientKeyInput> {
  const file = form.get("file");
  const password = form.get("password");
  if (!file || typeof file === "string") throw invalid([{ field: "file", message: "Attach the certificate or pfx as 'file'." }]);
  const data = Buffer.from(await file.arrayBuffer());
  if (data.length === 0) throw invalid([{ field: "file", message: "The file is empty." }]);
  const pw = typeof password === "string" && password !== "" ? password : undefined;
  return classifyKeyFile(data, file.name ?? "", pw);
}
