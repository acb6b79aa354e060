import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { controlClient } from "../../support/control-api";
import { postToken } from "../../support/token";
import { createTestDatabase, dbMode, dropTestDatabase, newDataDir, startServer, testKek, type TestServer } from "../../support/server";

// kill -9 of the server during a burst of Control API writes, then a restart on the same data: every
// write happened whole or not at all. The database after the restart is compared with the audit log and
// with the answers the clients got: each 2xx write is there whole, each party there is whole (its grant,
// its first secret, its one audit event), and no audit event names a write that is not there.

const boot = { id: "crash-admin", secret: "crash-admin-secret-0123456789abcdef" };
const mode = dbMode();
let dataDir: string | undefined, databaseUrl: string | undefined;
let server: TestServer | undefined;

type Row = Record<string, unknown>;
async function query(sql: string): Promise<Row[]> {
  if (databaseUrl) {
    const c = new pg.Client({ connectionString: databaseUrl });
    await c.connect();
    try {
      return (await c.query(sql)).rows;
    } finally {
      await c.end();
    }
  }
  const db = new PGlite(path.join(dataDir!, "pgdata"));
  try {
    return (await db.query<Row>(sql)).rows;
  } finally {
    await db.close();
  }
}

afterAll(async () => {
  await server?.stop();
  if (databaseUrl) await dropTestDatabase(databaseUrl);
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe(`kill -9 during Control API writes (${mode})`, () => {
  it("leaves every write whole or absent, in step with the audit log and the answers", { timeout: 300_000 }, async () => {
    const env = { FENNEC_BOOTSTRAP_CLIENT_ID: boot.id, FENNEC_BOOTSTRAP_CLIENT_SECRET: boot.secret, FENNEC_WORKERS: "1", ...(mode === "postgres" ? { FENNEC_KEY_ENCRYPTION_KEY: testKek() } : {}) };
    dataDir = newDataDir();
    if (mode === "postgres") databaseUrl = await createTestDatabase();
    server = await startServer({ db: mode, dataDir, databaseUrl, env, keepData: true });
    const control = await controlClient(server.url, boot);
    await control.call("POST", "master/master/parties", { name: "api1", resource: { scopes: ["read"] } });
    await control.call("POST", "master/master/parties", { name: "base", client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });

    // The burst: parties (each with a grant and a first secret, one transaction) and secrets on "base",
    // six at a time, until the server is killed with requests in flight.
    const sent = new Set<string>();
    const createdParties = new Map<string, string>(); // name -> its first secret, from a 201
    const createdSecrets = new Set<string>(); // ids of secrets on "base", from a 201
    let next = 0;
    let killed = false;
    const failures: string[] = [];
    const post = async (p: string, body: unknown) => {
      const r = await fetch(`${server!.url}/api/control/${p}`, {
        method: "POST",
        headers: { authorization: `Bearer ${control.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: r.status, json: (await r.json()) as Row };
    };
    const worker = async () => {
      while (!killed) {
        const i = next++;
        try {
          if (i % 3 === 2) {
            const r = await post("master/master/parties/base/secrets", {});
            if (r.status === 201) createdSecrets.add(r.json.id as string);
            else failures.push(`${r.status} ${JSON.stringify(r.json)}`);
          } else {
            const name = `p-${i}`;
            sent.add(name);
            const r = await post("master/master/parties", { name, client: { auth_method: "client_secret_post", resource_scopes: [{ resource: "api1", scopes: ["read"] }] } });
            if (r.status === 201) createdParties.set(name, r.json.secret as string);
            else failures.push(`${r.status} ${JSON.stringify(r.json)}`);
          }
        } catch (e) {
          if (!killed) failures.push(String(e)); // a request cut by the kill has no answer: it may or may not have happened
        }
      }
    };
    const workers = Array.from({ length: 6 }, worker);
    const until = Date.now() + 90_000;
    while (createdParties.size + createdSecrets.size < 24 && !failures.length && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(failures).toEqual([]);
    expect(createdParties.size + createdSecrets.size).toBeGreaterThanOrEqual(24);
    killed = true;
    await server.kill9();
    await Promise.all(workers);
    const answered = createdParties.size + createdSecrets.size;
    expect(next - answered).toBeGreaterThan(0); // some writes were in flight

    // Restart on the same data: it starts, and what was written works.
    server = await startServer({ db: mode, dataDir, databaseUrl, env, keepData: true });
    const [someName, someSecret] = [...createdParties][0];
    const t = await postToken(`${server.url}/master/master/oauth/token`, { grant_type: "client_credentials", client_id: someName, client_secret: someSecret, scope: "api1:read" });
    expect(t.status, t.text).toBe(200);
    if (mode === "pglite") await server.stop(); // PGlite serves one process: read the folder after a clean stop

    const parties = await query(`SELECT p.id, p.name,
        (SELECT count(*)::int FROM "ClientGrant" g WHERE g."clientId" = p.id) AS grants,
        (SELECT count(*)::int FROM "ClientSecret" s WHERE s."partyId" = p.id) AS secrets
      FROM "Party" p WHERE p.name LIKE 'p-%' OR p.name = 'base'`);
    const audit = await query(`SELECT action, "targetName" AS target, changes FROM "AuditEvent" WHERE action IN ('party.create', 'secret.create')`);
    const secretIds = new Set((await query(`SELECT s.id FROM "ClientSecret" s JOIN "Party" p ON p.id = s."partyId" WHERE p.name = 'base'`)).map((r) => r.id as string));
    const byName = new Map(parties.map((p) => [p.name as string, p]));

    // every answered write is there, whole
    for (const name of createdParties.keys()) expect(byName.has(name), name).toBe(true);
    for (const id of createdSecrets) expect(secretIds.has(id), id).toBe(true);
    // every party there was sent, and is whole: one grant, its first secret, one audit event
    for (const p of parties) {
      const name = p.name as string;
      if (name === "base") continue;
      expect(sent.has(name), name).toBe(true);
      expect(p.grants, name).toBe(1);
      expect(p.secrets, name).toBe(1);
      expect(audit.filter((a) => a.action === "party.create" && a.target === name), name).toHaveLength(1);
    }
    // every audit event names a write that is there, and "base" has its first secret plus exactly the audited ones
    for (const a of audit.filter((e) => e.action === "party.create" && String(e.target).startsWith("p-"))) expect(byName.has(a.target as string), a.target as string).toBe(true);
    const auditedIds = audit
      .filter((e) => e.action === "secret.create" && e.target === "base")
      .map((e) => (e.changes as { secret_id: { to: string } }).secret_id.to);
    for (const id of auditedIds) expect(secretIds.has(id), id).toBe(true);
    expect(secretIds.size).toBe(1 + auditedIds.length);
    console.log(`crash-mid-write (${mode}): ${next} writes sent, ${answered} answered 201, ${parties.length - 1} parties and ${secretIds.size - 1} extra secrets found after the restart`);
  });
});
