import { afterAll } from "vitest";
import { sharedTarget } from "./server";

/** The first-start line that prints the admin password once. */
export const PASSWORD_LINE = /created admin user admin@localhost with password (\S+)/;

/**
 * Data folders or databases of a test file's own, reused across restarts and removed after the file:
 * call once at the top of the file, then call what it returns for each new target. `cleanups` (run in
 * order after the file) may hold the file's other clean-ups too.
 */
export function persistentTargets(cleanups: (() => Promise<void>)[] = []) {
  afterAll(async () => {
    for (const c of cleanups) await c();
  });
  return async () => {
    const { target, remove } = await sharedTarget();
    cleanups.push(remove);
    return target;
  };
}
