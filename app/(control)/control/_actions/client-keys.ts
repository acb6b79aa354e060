"use server";

import { adminAction } from "@/lib/auth/admin-action";
import { id, partyRef } from "../_lib/refs";
import { ClientKeyError, parseClientKey } from "@/lib/certificates/parse-client-key";
import { addClientKey, deleteClientKey, invalid, listClientKeys, type PartyRefInput } from "@/lib/control";
import { MAX_KEY_FILE_BYTES, type ClientKeyUpload } from "@/lib/validation";

/** The file's format, from its content: a PEM or JWK is text, anything else a pfx (or a DER certificate). */
async function uploadFrom(form: FormData): Promise<ClientKeyUpload> {
  const file = form.get("file");
  const password = form.get("password");
  if (!(file instanceof File) || file.size === 0) throw invalid([{ field: "file", message: "Choose a certificate file." }]);
  if (file.size > MAX_KEY_FILE_BYTES) throw invalid([{ field: "file", message: "The file is larger than 64 KB." }]);
  const data = Buffer.from(await file.arrayBuffer());
  const text = data.toString("utf8").trim();
  if (text.startsWith("-----BEGIN")) return { kind: "pem", text };
  if (text.startsWith("{")) {
    try {
      return { kind: "jwk", jwk: JSON.parse(text) };
    } catch {
      throw invalid([{ field: "file", message: "The file looks like JSON but is not a valid JWK." }]);
    }
  }
  if (/\.(cer|crt|der)$/i.test(file.name)) return { kind: "der", data };
  return { kind: "pfx", data, password: typeof password === "string" && password ? password : undefined };
}

/** Reads an upload and shows what it holds, storing nothing: the administrator checks it before saving. */
export async function previewClientKeyAction(form: FormData) {
  return adminAction(async () => {
    try {
      const k = await parseClientKey(await uploadFrom(form));
      return {
        key: {
          kid: k.kid,
          x5tS256: k.x5tS256,
          subject: k.subject,
          issuer: k.issuer,
          not_before: k.notBefore?.toISOString() ?? null,
          not_after: k.notAfter?.toISOString() ?? null,
          expired: k.notAfter ? k.notAfter.getTime() <= Date.now() : false,
        },
      };
    } catch (e) {
      if (e instanceof ClientKeyError) throw invalid([{ field: "file", message: e.message }]);
      throw e;
    }
  });
}

export async function addClientKeyAction(ref: PartyRefInput, form: FormData) {
  return adminAction(async (actor) => {
    const key = await addClientKey(actor, partyRef(ref), await uploadFrom(form));
    return { key, keys: await listClientKeys(actor, partyRef(ref)) };
  });
}

export async function deleteClientKeyAction(ref: PartyRefInput, kid: string) {
  return adminAction(async (actor) => {
    await deleteClientKey(actor, partyRef(ref), id(kid));
    return { keys: await listClientKeys(actor, partyRef(ref)) };
  });
}
