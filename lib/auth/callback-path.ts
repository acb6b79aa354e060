/** Where to go after sign-in: only a path on this site, so a crafted link cannot bounce an admin elsewhere. */
export function safeCallbackPath(value: unknown): string {
  return typeof value === "string" && /^\/(?![/\\])[^\s\\]*$/.test(value) ? value : "/control";
}
