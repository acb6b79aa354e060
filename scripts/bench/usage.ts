// What counting costs (issue 11, README "Operations"): the fast mount with the usage counters and token
// metrics on and off (FENNEC_USAGE), interleaved on the same machine; the target is at most 3 % fewer req/s.
import { interleaved, printTable, type Load } from "./load";
import { benchClient, startFennec } from "./targets";

export async function usage() {
  console.log("\n## Token route with usage counters on and off (fast mount, RS256, client_secret_basic)");
  const running: { stop: () => Promise<void> }[] = [];
  try {
    const on = await startFennec("Fennec, usage on", { FENNEC_FAST_MOUNT: "on", FENNEC_USAGE: "on" });
    running.push(on);
    const off = await startFennec("Fennec, usage off", { FENNEC_FAST_MOUNT: "on", FENNEC_USAGE: "off" });
    running.push(off);
    const loads: Load[] = [
      { name: "Fennec, usage counters on", server: on.server, endpoint: await benchClient(on) },
      { name: "Fennec, usage counters off (FENNEC_USAGE=off)", server: off.server, endpoint: await benchClient(off) },
    ];
    const [a, b] = await interleaved(loads);
    printTable("| one process each; 20 connections", [a, b]);
    console.log(`\nreq/s with counters / without: ${(a.rps / b.rps).toFixed(3)} (target >= 0.97)`);
  } finally {
    for (const r of running) await r.stop();
  }
}
