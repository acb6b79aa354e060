import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { controlClient } from "../../support/control-api";
import { postToken } from "../../support/token";
import { startServer, type TestServer } from "../../support/server";

// The embedded data folder runs out of space: writes fail with a clear 507 problem, nothing is half
// written, reads and warm tokens go on, and once space is back writes work again without a restart.
// The folder sits on a small tmpfs mounted for the test, which needs root (or CAP_SYS_ADMIN): where
// mounting is not allowed, the test is skipped and says so. PGlite only: PostgreSQL's disk is its own.

const boot = { id: "full-admin", secret: "full-admin-secret-0123456789abcdef" };
const mnt = path.join(os.tmpdir(), `fennec-full-${process.pid}-${Date.now()}`);
const filler = path.join(mnt, "filler");

function tryMount(): string | null {
  try {
    fs.mkdirSync(mnt, { mode: 0o700 });
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=200m,mode=0700", "tmpfs", mnt], { stdio: "pipe" });
    return null;
  } catch (e) {
    fs.rmSync(mnt, { recursive: true, force: true });
    return String((e as { stderr?: Buffer }).stderr ?? e).trim().split("\n")[0];
  }
}
const mountError = tryMount();
if (mountError) console.log(`disk-full test skipped: cannot mount a tmpfs here (${mountError})`);

function fill() {
  const fd = fs.openSync(filler, "w");
  try {
    for (const size of [1 << 20, 1 << 12, 1 << 9]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          fs.writeSync(fd, chunk);
        } catch {
          break;
        }
      }
    }
  } finally {
    fs.closeSync(fd);
  }
}

let server: TestServer | undefined;
let control: Awaited<ReturnType<typeof controlClient>>;
let secret = "";

describe.skipIf(mountError !== null)("the embedded data folder out of space", () => {
  beforeAll(async () => {
    server = await startServer({ db: "pglite", dataDir: path.join(mnt, "data"), env: { FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret } });
    control = await controlClient(server.url, boot);
    await control.call("POST", "master/master/parties", { name: "api1", resource: { scopes: ["read"] } });
    await control.call("POST", "master/master/parties", { name: "warm", client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
    secret = ((await control.call("POST", "master/master/parties/warm/secrets", {})) as { secret: string }).secret;
    for (let i = 0; i < 2; i++) expect((await token()).status).toBe(200);
  });

  afterAll(async () => {
    await server?.stop();
    try {
      execFileSync("umount", [mnt]);
    } catch {}
    fs.rmSync(mnt, { recursive: true, force: true });
  });

  const token = () => postToken(`${server!.url}/master/master/oauth/token`, { grant_type: "client_credentials", client_id: "warm", client_secret: secret, scope: "api1:read" });
  const call = async (method: string, p: string, body?: unknown) => {
    const r = await fetch(`${server!.url}/api/control/${p}`, {
      method,
      headers: { authorization: `Bearer ${control.token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: r.status, type: r.headers.get("content-type"), text: await r.text() };
  };

  it("refuses writes with 507, keeps reads and warm tokens, and writes again once space is back", async () => {
    fill();
    // a write big enough to need new pages: a party with a long note, and several more
    const refused: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await call("POST", "master/master/parties", { name: `full-${i}`, note: "x".repeat(200), client: { resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
      expect([201, 507], r.text).toContain(r.status);
      if (r.status === 507) {
        expect(r.type).toMatch(/^application\/problem\+json/);
        expect(JSON.parse(r.text)).toMatchObject({ type: "urn:fennec:problem:insufficient-storage", status: 507 });
        refused.push(`full-${i}`);
      }
    }
    expect(refused.length).toBeGreaterThan(0);
    expect((await token()).status).toBe(200);
    expect((await call("GET", "master/master/parties/warm")).status).toBe(200);
    expect((await fetch(`${server!.url}/readyz`)).status).toBe(200);

    fs.rmSync(filler);
    const after = await call("POST", "master/master/parties", { name: "after-space", client: {} });
    expect(after.status, after.text).toBe(201);
    for (const name of refused) expect((await call("GET", `master/master/parties/${name}`)).status, name).toBe(404);
    expect((await token()).status).toBe(200);
  });
});
