import { defineConfig } from "prisma/config";

// Prisma 7 reads this for generate. Migrations run through lib/db/migrate.ts (schema-engine-wasm),
// so no datasource URL is needed here; with network access `prisma migrate deploy` also works on prisma/migrations.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
