// Runs once when a server instance starts (Next.js instrumentation hook).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file too: no timers and no database at build time
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startKeyScheduleTimer } = await import("./lib/keys/schedule-timer");
  startKeyScheduleTimer();
}
