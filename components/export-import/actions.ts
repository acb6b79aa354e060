"use server";

import { z } from "zod";
import { adminAction } from "@/lib/auth/admin-action";
import { exportTrack, importTrack, parseImportText } from "@/lib/control";
import { MAX_UI_IMPORT_BYTES, importModeSchema, nameArg } from "@/lib/validation";

const textArg = (v: unknown) => z.string().max(MAX_UI_IMPORT_BYTES, "The file is too large to import here; use the Control API.").parse(v);

/** A read (no secret is ever exported): viewers may download it too. */
export async function exportTrackAction(tenant: string, track: string) {
  return adminAction(
    async (actor) => {
      const doc = await exportTrack(actor, nameArg(tenant), nameArg(track));
      return { fileName: `fennec-${doc.exported_from.tenant}-${doc.exported_from.track}.json`, text: JSON.stringify(doc, null, 2) };
    },
    { viewers: true },
  );
}

/** The dry run's plan, or what was applied; generated secrets are in this one response and nowhere else. */
export async function importTrackAction(tenant: string, track: string, text: string, mode: string) {
  return adminAction(async (actor) => ({
    result: await importTrack(actor, nameArg(tenant), nameArg(track), parseImportText(textArg(text)), importModeSchema.parse(mode)),
  }));
}
