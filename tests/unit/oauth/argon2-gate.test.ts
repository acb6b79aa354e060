import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { throughArgon2Gate } from "@/lib/oauth/argon2-gate";
import { OAuthError } from "@/lib/oauth/errors";

describe("argon2 gate", () => {
  it("runs a bounded number at once, queues a bounded number, and refuses the rest with 503", async () => {
    const concurrency = Math.max(1, availableParallelism() - 1);
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const task = () =>
      new Promise<string>((resolve) => {
        running++;
        peak = Math.max(peak, running);
        releases.push(() => {
          running--;
          resolve("done");
        });
      });
    const admitted = Array.from({ length: concurrency + 64 }, () => throughArgon2Gate(task));
    const refused = await throughArgon2Gate(task).catch((e) => e);
    expect(refused).toBeInstanceOf(OAuthError);
    expect((refused as OAuthError).status).toBe(503);
    expect(running).toBe(concurrency);
    while (releases.length) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await Promise.all(admitted)).toHaveLength(concurrency + 64);
    expect(peak).toBe(concurrency);
  });
});
