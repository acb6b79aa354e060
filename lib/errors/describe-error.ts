// For logging an unexpected error: its name, the first line of its message and its stack frames.
// Prisma puts the arguments of a failed call (a secret hash, say) after the first line: never log those.
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return "non-error thrown";
  const first = e.message.split("\n").find((l) => l.trim()) ?? "";
  const frames = (e.stack ?? "").split("\n").filter((l) => /^\s+at /.test(l)).slice(0, 8);
  return [`${e.name}: ${first.slice(0, 300)}`, ...frames].join("\n");
}
