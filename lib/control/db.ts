import "server-only";
import { transactionWithChanges } from "@/lib/cache/change-feed";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { conflict } from "./errors";

export type Tx = Prisma.TransactionClient;

/**
 * One write, one transaction. A unique-constraint race (two creates of the same name) becomes a
 * conflict rather than a 500. Key generation can run inside, so the timeout is generous.
 */
export async function inTransaction<T>(
  fn: (tx: Tx) => Promise<T>,
  nameTaken = "The name is already taken.",
  timeout = 30_000,
): Promise<T> {
  try {
    return await transactionWithChanges(getDb(), fn, { timeout, maxWait: 30_000 });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") throw conflict(nameTaken);
    throw e;
  }
}
