process.argv.push("--migrate-only");
await import("./prepare");
export {};
