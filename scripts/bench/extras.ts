// The further measurements, on the fast mount: other signing algorithms, private_key_jwt with a
// fresh assertion per request, and FENNEC_WORKERS=2 against 1 on PostgreSQL.
import { createPrivateKey, generateKeyPairSync, randomBytes, randomUUID, sign } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { interleaved, printTable, ratio, type Load } from "./load";
import { benchClient, FORM_HEADERS, startFennec, type Fennec } from "./targets";

async function withFennec(env: Record<string, string>, fn: (f: Fennec) => Promise<void>) {
  const f = await startFennec("Fennec fast mount", env);
  try {
    await fn(f);
  } finally {
    await f.stop();
  }
}

export async function algorithms() {
  console.log("\n## Signing algorithms (Fennec fast mount, one track per algorithm)");
  await withFennec({}, async (f) => {
    const loads: Load[] = [{ name: "RS256", server: f.server, endpoint: await benchClient(f) }];
    for (const alg of ["ES256", "EdDSA"]) {
      const track = `bench-${alg.toLowerCase()}`;
      await f.control("POST", "master/tracks", { name: track, signing_algorithm: alg });
      loads.push({ name: alg, server: f.server, endpoint: await benchClient(f, track) });
    }
    const m = await interleaved(loads);
    printTable("| Fennec fast mount, client_secret_basic", m);
    for (const x of m.slice(1)) console.log(`${x.name} / RS256: ${ratio(x, m[0])}`);
  });
}

export async function privateKeyJwt() {
  console.log("\n## private_key_jwt with a fresh assertion per request (Fennec fast mount, RS256 track, ES256 client key)");
  await withFennec({}, async (f) => {
    const secretPath = await benchClient(f);
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const kid = "bench-jwt-key";
    await f.control("POST", "master/master/parties", {
      name: "bench-jwt",
      client: { auth_method: "private_key_jwt", resource_scopes: [{ resource: "bench-api", scopes: ["read"] }] },
    });
    await f.control("POST", "master/master/parties/bench-jwt/keys", { jwk: { ...publicKey.export({ format: "jwk" }), kid } });
    const issuer = `${f.server.url}/master/master/`;
    const key = createPrivateKey(privateKey.export({ format: "pem", type: "pkcs8" }));
    const header = Buffer.from(JSON.stringify({ alg: "ES256", kid, typ: "JWT" })).toString("base64url");
    const assertion = () => {
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: "bench-jwt", sub: "bench-jwt", aud: issuer, iat: now, exp: now + 60, jti: randomUUID() };
      const input = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}`;
      return `${input}.${sign("sha256", Buffer.from(input), { key, dsaEncoding: "ieee-p1363" }).toString("base64url")}`;
    };
    const body = () =>
      `grant_type=client_credentials&scope=bench-api%3Aread&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=${assertion()}`;
    // both built per request in the load generator, so that its share of the machine is alike
    const loads: Load[] = [
      {
        name: "client_secret_basic (warm secret)",
        server: f.server,
        endpoint: secretPath,
        requests: () => [{ method: "POST", setupRequest: (req) => ({ ...req, body: secretPath.body }) }],
      },
      {
        name: "private_key_jwt, fresh assertion each",
        server: f.server,
        endpoint: { url: secretPath.url, headers: FORM_HEADERS, body: body() },
        requests: () => [{ method: "POST", setupRequest: (req) => ({ ...req, body: body() }) }],
      },
    ];
    const m = await interleaved(loads);
    printTable("| Fennec fast mount, embedded PGlite (the jti insert is one database write per request)", m);
    console.log(`private_key_jwt / client_secret_basic: ${ratio(m[1], m[0])}`);
  });
}

const pgBase = () => process.env.TEST_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";

function postgresReachable(): Promise<boolean> {
  if (process.env.TEST_DATABASE_URL) return Promise.resolve(true);
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port: 5432 });
    s.setTimeout(1000);
    s.on("connect", () => (s.destroy(), resolve(true)));
    s.on("error", () => resolve(false));
    s.on("timeout", () => (s.destroy(), resolve(false)));
  });
}

export async function workers() {
  console.log("\n## All cores: FENNEC_WORKERS=2 against 1 on PostgreSQL (Fennec fast mount)");
  if (!(await postgresReachable())) {
    console.log("skipped: no PostgreSQL on 127.0.0.1:5432 and no TEST_DATABASE_URL");
    return;
  }
  const name = `fennec_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: pgBase() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(pgBase());
  url.pathname = `/${name}`;
  const env = { DATABASE_URL: url.toString(), FENNEC_KEY_ENCRYPTION_KEY: randomBytes(32).toString("hex") };
  try {
    await withFennec({ ...env, FENNEC_WORKERS: "1" }, async (one) => {
      await withFennec({ ...env, FENNEC_WORKERS: "2" }, async (two) => {
        const endpoint = await benchClient(one);
        const loads: Load[] = [
          { name: "FENNEC_WORKERS=1", server: one.server, endpoint },
          { name: "FENNEC_WORKERS=2", server: two.server, endpoint: { ...endpoint, url: endpoint.url.replace(one.server.url, two.server.url) } },
        ];
        const m = await interleaved(loads);
        printTable("| PostgreSQL, the same database, client_secret_basic", m);
        console.log(`scaling, 2 workers / 1: ${ratio(m[1], m[0])}`);
      });
    });
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
    await admin.end();
  }
}
