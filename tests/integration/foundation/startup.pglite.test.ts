import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { newDataDir, startServer } from "../../support/server";
import { persistentTargets } from "../../support/targets";

// Start-up problems of the embedded database's data folder (PGlite only; the rest in startup.test.ts).

const cleanups: (() => Promise<void>)[] = [];
/** A data folder or database of the test's own, reused across restarts, removed at the end. */
const persistentTarget = persistentTargets(cleanups);

describe("start-up on PGlite: data folder problems", () => {
  it("refuses a damaged data folder and leaves it untouched", async () => {
    const dataDir = newDataDir();
    cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
    fs.mkdirSync(path.join(dataDir, "pgdata"));
    fs.writeFileSync(path.join(dataDir, "pgdata", "base"), "not a database");
    const s = await startServer({ dataDir, noWait: true });
    expect(await s.exited).toBe(1);
    expect(s.logs()).toMatch(/Fennec cannot start: FENNEC_DATA_DIR .* holds a damaged database/);
    expect(fs.readFileSync(path.join(dataDir, "pgdata", "base"), "utf8")).toBe("not a database");
  });

  it("refuses a second server on the same data folder", async () => {
    const t = await persistentTarget();
    const first = await startServer({ ...t, keepData: true });
    const second = await startServer({ ...t, keepData: true, noWait: true });
    expect(await second.exited).toBe(1);
    expect(second.logs()).toMatch(/another Fennec \(pid \d+\) is using the data folder/);
    expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
    await first.stop();
  });

  it("starts at once after the previous server was killed with SIGKILL (the lock dies with its holder)", async () => {
    const t = await persistentTarget();
    const first = await startServer({ ...t, keepData: true });
    await first.kill9();
    const again = await startServer({ ...t, keepData: true });
    expect((await fetch(`${again.url}/readyz`)).status).toBe(200);
    await again.stop();
    expect(again.logs()).not.toMatch(/another Fennec/);
  });

  it("keeps the data folder private: 0700, umask 077, open files tightened, and an open folder or key file refused", async () => {
    const t = await persistentTarget();
    fs.rmSync(t.dataDir, { recursive: true });
    const first = await startServer({ ...t, keepData: true });
    const pid = /listening on port \d+ .*pid (\d+)/.exec(first.logs())?.[1];
    expect(fs.readFileSync(`/proc/${pid}/status`, "utf8")).toMatch(/^Umask:\s+0077$/m);
    await first.stop();
    const mode = (p: string) => fs.statSync(path.join(t.dataDir, p)).mode & 0o777;
    expect(mode(".")).toBe(0o700);
    expect(mode("key-encryption.key")).toBe(0o600);
    expect(openToOthers(t.dataDir)).toEqual([]);

    fs.chmodSync(path.join(t.dataDir, "pgdata", "PG_VERSION"), 0o666);
    fs.chmodSync(path.join(t.dataDir, "pgdata", "global"), 0o755);
    const tightened = await startServer({ ...t, keepData: true });
    await tightened.stop();
    expect(mode("pgdata/PG_VERSION")).toBe(0o600);
    expect(mode("pgdata/global")).toBe(0o700);

    fs.chmodSync(t.dataDir, 0o755);
    const openFolder = await startServer({ ...t, keepData: true, noWait: true });
    expect(await openFolder.exited).toBe(1);
    expect(openFolder.logs()).toMatch(/^Fennec cannot start: the data folder .* is open to other users \(mode 0755\)\. Make it private with: chmod 700 /m);
    fs.chmodSync(t.dataDir, 0o700);

    fs.chmodSync(path.join(t.dataDir, "key-encryption.key"), 0o640);
    const openKey = await startServer({ ...t, keepData: true, noWait: true });
    expect(await openKey.exited).toBe(1);
    expect(openKey.logs()).toMatch(/^Fennec cannot start: the key file .*key-encryption\.key is open to other users \(mode 0640\)/m);
    expect(mode("key-encryption.key")).toBe(0o640); // refused, not silently changed
  });

  it("refuses to start when the key file of an existing database is missing or wrong", async () => {
    const t = await persistentTarget();
    await (await startServer({ ...t, keepData: true })).stop();
    const keyFile = path.join(t.dataDir, "key-encryption.key");
    const original = fs.readFileSync(keyFile, "utf8");

    fs.writeFileSync(keyFile, "cd".repeat(32));
    const wrong = await startServer({ ...t, keepData: true, noWait: true });
    expect(await wrong.exited).toBe(1);
    expect(wrong.logs()).toMatch(/key-encryption key .* is not the one this database was created with/);

    fs.rmSync(keyFile);
    const missing = await startServer({ ...t, keepData: true, noWait: true });
    expect(await missing.exited).toBe(1);
    expect(missing.logs()).toMatch(/key-encryption\.key is missing/);

    fs.writeFileSync(keyFile, original, { mode: 0o600 });
    const ok = await startServer({ ...t, keepData: true });
    await ok.stop();
  });
});

/** Files and folders below dir that group or others may use. */
function openToOthers(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((p) => fs.lstatSync(path.join(dir, p)).mode & 0o077);
}
