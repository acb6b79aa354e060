// Keeps the floor app bare: without this file Next picks up the repository root's instrumentation
// (Fennec's key-schedule timer and database) because the Turbopack root is the repository.
export function register() {}
