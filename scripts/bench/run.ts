// npm run bench [-- --only=core,algorithms,jwt,clients,workers,usage]: the token route measured with autocannon,
// in interleaved rounds, against node-oidc-provider and a bare node:http floor, plus the further
// measurements of the fast-mount issue. Every response must be a 200; anything else fails the run.
import os from "node:os";
import { manyClients } from "./clients";
import { core } from "./core";
import { algorithms, privateKeyJwt, workers } from "./extras";
import { CONNECTIONS, ROUNDS, SLICE } from "./load";
import { ensureBuild } from "./servers";
import { usage } from "./usage";
import { DIST } from "./targets";

const SECTIONS: Record<string, () => Promise<void>> = { core, algorithms, jwt: privateKeyJwt, clients: manyClients, workers, usage };
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length).split(",");
const chosen = only ?? Object.keys(SECTIONS);
const unknown = chosen.filter((s) => !SECTIONS[s]);
if (unknown.length) {
  console.error(`unknown section(s) ${unknown.join(", ")}; choose from ${Object.keys(SECTIONS).join(", ")}`);
  process.exit(2);
}

ensureBuild(DIST, ["app", "lib", "proxy.ts", "next.config.js", "instrumentation.ts", "scripts/build-server.mjs"]);
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(`${new Date().toISOString()} | ${os.cpus().length} CPUs (${cpu}), Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
console.log(`autocannon, ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SLICE} s per target after a warm-up; sections: ${chosen.join(", ")}`);
for (const s of chosen) await SECTIONS[s]();
console.log(`\ndone; load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
process.exit(0);
