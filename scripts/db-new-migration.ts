// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference between the
// existing migrations and prisma/schema.prisma, using a throw-away PGlite as the shadow database.
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { noFilters, readMigrationList, schemaPath } from "../lib/db/migration-files";
import { openSchemaEngine } from "../lib/db/schema-engine";

const name = (process.argv[2] ?? "").replace(/[^\w]/g, "_");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
const shadow = new PGlite();
const engine = await openSchemaEngine(new PrismaPGlite(shadow));
const list = readMigrationList();
const result = await engine.diff({
  from: list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" },
  to: { tag: "schemaDatamodel", files: [{ path: schemaPath(), content: fs.readFileSync(schemaPath(), "utf8") }] },
  script: true,
  exitCode: null,
  filters: noFilters,
});
engine.free();
await shadow.close();
const sql = (result as unknown as { stdout: string }).stdout;
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(list.baseDir, `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
const lock = path.join(list.baseDir, "migration_lock.toml");
if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
