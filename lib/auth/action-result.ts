/** What every admin server action answers; client forms map `fieldErrors` onto their fields. */
export type ActionFailure = { ok: false; message: string; fieldErrors?: Record<string, string> };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | ActionFailure;
