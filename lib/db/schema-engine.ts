import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import { schemaPath } from "./migration-files";

// Prisma's native schema engine cannot be downloaded here; its WebAssembly build runs the same migrations.
// The package entry imports the .wasm as an ES module, which Node cannot load, so it is instantiated by hand.

let ready: Promise<void> | undefined;

function loadWasm() {
  ready ??= (async () => {
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
    const bytes = fs.readFileSync(path.join(dir, "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  })();
  return ready;
}

export async function openSchemaEngine(factory: SqlMigrationAwareDriverAdapterFactory) {
  await loadWasm();
  const schema = fs.readFileSync(schemaPath(), "utf8");
  const log = () => {};
  return bg.SchemaEngine.new(
    { datamodels: [[schemaPath(), schema]] },
    log,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
}
