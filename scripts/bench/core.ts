// The main table: Fennec's two mounts, node-oidc-provider and the bare floor, in one interleaved run.
import { interleaved, printTable, ratio, type Load } from "./load";
import { benchClient, startFennec, startFloor, startOidcProvider, token, type Endpoint } from "./targets";

async function describeToken(name: string, e: Endpoint) {
  const jwt = await token(e);
  const header = JSON.parse(Buffer.from(jwt.split(".")[0], "base64url").toString()) as { alg: string; typ?: string };
  console.log(`  ${name}: ready, sample token alg=${header.alg} typ=${header.typ ?? "-"}`);
}

export async function core() {
  console.log("\n## Token route: Fennec (both mounts), node-oidc-provider, the floor (RS256, client_secret_basic)");
  const running: { stop: () => Promise<void> }[] = [];
  try {
    const fast = await startFennec("Fennec fast mount", { FENNEC_FAST_MOUNT: "on" });
    running.push(fast);
    const off = await startFennec("Fennec route handlers", { FENNEC_FAST_MOUNT: "off" });
    running.push(off);
    const oidc = await startOidcProvider();
    running.push(oidc.server);
    const floor = await startFloor();
    running.push(floor.server);
    const loads: Load[] = [
      { name: "Fennec, fast mount", server: fast.server, endpoint: await benchClient(fast) },
      { name: "Fennec, route handlers (FENNEC_FAST_MOUNT=off)", server: off.server, endpoint: await benchClient(off) },
      { name: "node-oidc-provider 9", server: oidc.server, endpoint: oidc.endpoint },
      { name: "floor: node:http + jose", server: floor.server, endpoint: floor.endpoint },
    ];
    for (const l of loads) await describeToken(l.name, l.endpoint);
    const [f, o, p, fl] = await interleaved(loads);
    printTable("| one process each; 20 connections", [f, o, p, fl]);
    console.log(`\nFennec fast mount / node-oidc-provider: ${ratio(f, p)} (target >= 1.25x)`);
    console.log(`Fennec fast mount p99 ${f.p99} ms vs node-oidc-provider p99 ${p.p99} ms (target: not above)`);
    console.log(`Fennec fast mount / floor: ${ratio(f, fl)} (target >= 0.85x)`);
    console.log(`Fennec fast mount / route handlers: ${ratio(f, o)}`);
    const cpu = (a: { cpuMsPerRequest: number }, b: { cpuMsPerRequest: number }) => (a.cpuMsPerRequest / b.cpuMsPerRequest).toFixed(2);
    console.log(`CPU per request, Fennec fast mount / node-oidc-provider: ${cpu(f, p)}x; / floor: ${cpu(f, fl)}x; / route handlers: ${cpu(f, o)}x`);
  } finally {
    for (const r of running) await r.stop();
  }
}
