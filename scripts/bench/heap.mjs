// Run as `node --experimental-websocket scripts/bench/heap.mjs <inspector ws url>`: asks a process started
// with --inspect for a full garbage collection, then prints its live JavaScript heap and RSS as JSON.
// RSS alone is too noisy (the heap grows and shrinks in steps, argon2 takes 19 MiB per check) to show
// what ten thousand cached clients cost.
const ws = new WebSocket(process.argv[2]);
let id = 0;
const pending = new Map();
const call = (method, params = {}) =>
  new Promise((resolve, reject) => {
    pending.set(++id, { resolve, reject });
    ws.send(JSON.stringify({ id, method, params }));
  });
ws.onmessage = (e) => {
  const m = JSON.parse(e.data);
  const p = pending.get(m.id);
  if (!p) return;
  pending.delete(m.id);
  if (m.error) p.reject(new Error(m.error.message));
  else p.resolve(m.result);
};
ws.onerror = () => {
  console.error("cannot reach the inspector");
  process.exit(1);
};
ws.onopen = async () => {
  await call("HeapProfiler.collectGarbage");
  await call("HeapProfiler.collectGarbage");
  const r = await call("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true });
  console.log(r.result.value);
  ws.close();
  process.exit(0);
};
