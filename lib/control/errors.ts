export type DomainErrorKind =
  | "not_found"
  | "conflict"
  | "validation"
  | "precondition_failed"
  | "forbidden"
  | "payload_too_large";

/** One field's problem; `field` is the dotted path a form uses (e.g. `client.resource_scopes.0.scopes`). */
export type FieldError = { field: string; message: string };

/** An expected failure of a domain operation: its message is written for the administrator to read. */
export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  readonly fields: FieldError[];

  constructor(kind: DomainErrorKind, message: string, fields: FieldError[] = []) {
    super(message);
    this.name = "DomainError";
    this.kind = kind;
    this.fields = fields;
  }
}

export const notFound = (message: string) => new DomainError("not_found", message);
export const conflict = (message: string) => new DomainError("conflict", message);
export const forbidden = (message = "You are not allowed to do this.") => new DomainError("forbidden", message);
export const preconditionFailed = (message: string) => new DomainError("precondition_failed", message);

export function invalid(fields: FieldError[], message?: string): DomainError {
  return new DomainError("validation", message ?? fields.map((f) => f.message).join(" "), fields);
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
