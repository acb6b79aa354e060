import "server-only";
import { headers } from "next/headers";
import { redirect, unstable_rethrow } from "next/navigation";
import { logFailure, REQUEST_ID_HEADER, requestIdFrom, withRequestId } from "@/lib/telemetry";
import { z } from "zod";
import { isDomainError } from "@/lib/control/errors";
import { canWrite } from "@/lib/tenancy";
import { dbFailureOf } from "@/lib/db/failure";
import type { ActionResult } from "./action-result";
import { currentAdmin, type AdminActor } from "./session";

/**
 * Which administrators an action admits. By default only those who may write (not viewers) and who
 * hold no one-time password: an action that must admit more says so.
 */
export type AdminActionAccess = {
  /** reads only, or changes only the caller's own account: viewers too */
  viewers?: boolean;
  /** the password change itself */
  passwordChange?: boolean;
};

/**
 * Runs one admin operation for a server action: checks the session itself, then maps an expected
 * DomainError (or a schema failure) to a message and per-field errors, and anything else to a
 * correlation id that is logged, never a stack trace.
 */
export async function adminAction<T extends object>(
  fn: (actor: AdminActor) => Promise<T>,
  access: AdminActionAccess = {},
): Promise<ActionResult<T>> {
  // the edge's request id, so that the audit events this action writes carry it (README "Operations")
  const id = (await headers()).get(REQUEST_ID_HEADER) ?? requestIdFrom(null, false);
  return withRequestId(id, () => runAction(fn, access));
}

async function runAction<T extends object>(fn: (actor: AdminActor) => Promise<T>, access: AdminActionAccess): Promise<ActionResult<T>> {
  try {
    const actor = await currentAdmin();
    if (!actor) redirect("/signin");
    if (actor.mustChangePassword && !access.passwordChange) return { ok: false, message: "Change your one-time password first." };
    if (!canWrite(actor) && !access.viewers) return { ok: false, message: "Your account is read-only." };
    return { ok: true, ...(await fn(actor)) };
  } catch (e) {
    unstable_rethrow(e);
    if (isDomainError(e)) {
      const fieldErrors = e.fields.length ? Object.fromEntries(e.fields.map((f) => [f.field, f.message])) : undefined;
      return { ok: false, message: e.message, fieldErrors };
    }
    if (e instanceof z.ZodError) {
      const fieldErrors = Object.fromEntries(e.issues.map((i) => [i.path.join("."), i.message]));
      return { ok: false, message: e.issues.map((i) => i.message).join(" "), fieldErrors };
    }
    const id = crypto.randomUUID();
    logFailure("unexpected_error", `admin action error ${id}`, e, { error_id: id, where: "admin action" });
    const failure = dbFailureOf(e);
    if (failure === "unavailable") return { ok: false, message: `The database is not answering; try again in a moment (id ${id}).` };
    if (failure === "storage-full") return { ok: false, message: `The database has no room left to write; nothing was saved (id ${id}).` };
    return { ok: false, message: `Something went wrong (id ${id}).` };
  }
}
