import { getConfig } from "@/lib/config";
import { createAdapterFactory } from "./adapter";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;
export * from "./generated/client";

const g = globalThis as unknown as { __fennecPrisma?: PrismaClient };

/** The process's Prisma client, on the embedded PGlite or on DATABASE_URL. */
export function getDb(): PrismaClient {
  g.__fennecPrisma ??= new PrismaClient({ adapter: createAdapterFactory(getConfig()) });
  return g.__fennecPrisma;
}

export async function disconnectDb() {
  const c = g.__fennecPrisma;
  g.__fennecPrisma = undefined;
  await c?.$disconnect();
}
