import { preconditionFailed } from "./errors";

/** The expected version from If-Match or the body; both, when given, must agree with the stored one. */
export function checkVersion(what: string, current: number, ...expected: (number | undefined | null)[]): void {
  for (const v of expected) {
    if (v !== undefined && v !== null && v !== current) {
      throw preconditionFailed(`${what} was changed by someone else (version ${current}, you sent ${v}). Reload and try again.`);
    }
  }
}
