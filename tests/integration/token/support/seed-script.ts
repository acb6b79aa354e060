// Test setup only, run with tsx before the server starts (PGlite serves one process): migrates,
// bootstraps and adds the parties of a fixture spec to master/master, as the Control API would.
import fs from "node:fs";
import { bootstrap } from "../../../../lib/bootstrap/first-start";
import { getConfig } from "../../../../lib/config";
import { closePglite } from "../../../../lib/db/adapter";
import { disconnectDb, getDb } from "../../../../lib/db/client";
import { applyMigrations } from "../../../../lib/db/migrate";
import { hashSecret } from "../../../../lib/secrets";
import type { SeedSpec } from "./fixtures";

const spec = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as SeedSpec;
const config = getConfig();
await applyMigrations(config);
const db = getDb();
await bootstrap(db, config);
const track = await db.track.findFirstOrThrow({ where: { name: "master", tenant: { name: "master" } } });
const ids = new Map<string, string>();
for (const p of spec.parties) {
  const party = await db.party.create({
    data: {
      trackId: track.id,
      name: p.name,
      isResource: Boolean(p.resource),
      resourceScopes: p.resource?.scopes ?? [],
      resourceAudience: p.resource?.audience ?? null,
      isClient: Boolean(p.client),
      authMethod: p.client?.authMethod ?? "client_secret_post",
      accessTokenLifetime: p.client?.lifetime ?? 3600,
      allowLegacyAssertionAudience: p.client?.allowLegacy ?? false,
      clientCredentialsEnabled: p.client?.enabled ?? true,
    },
  });
  ids.set(p.name, party.id);
  for (const s of p.client?.secrets ?? []) {
    await db.clientSecret.create({
      data: { partyId: party.id, hash: await hashSecret(s.secret), expiresAt: s.expiresAt ? new Date(s.expiresAt) : null },
    });
  }
  for (const k of p.client?.keys ?? []) {
    await db.clientKey.create({
      data: {
        partyId: party.id,
        kid: k.kid,
        jwk: k.jwk as object,
        notBefore: k.notBefore ? new Date(k.notBefore) : null,
        notAfter: k.notAfter ? new Date(k.notAfter) : null,
      },
    });
  }
}
for (const p of spec.parties) {
  for (const g of p.client?.grants ?? []) {
    await db.clientGrant.create({ data: { clientId: ids.get(p.name)!, resourceId: ids.get(g.resource)!, scopes: g.scopes } });
  }
}
await disconnectDb();
await closePglite();
