import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "@/lib/config";

describe("configuration", () => {
  it("has defaults for the embedded mode", () => {
    const c = parseConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.publicUrl).toBe("http://localhost:3000");
    expect(c.bootstrapClient).toBeUndefined();
    expect(c.fastMount).toBe(true);
    expect(c.workersSet).toBe(false);
    expect(c.workers).toBeGreaterThanOrEqual(1);
    expect(c.maxPartiesPerTrack).toBe(20_000);
    expect(c.keyPublishLeadSeconds).toBe(300);
  });

  it("reads the mount, the worker count and the party limit", () => {
    const c = parseConfig({ FENNEC_FAST_MOUNT: "off", FENNEC_WORKERS: "3", FENNEC_MAX_PARTIES_PER_TRACK: "50000" });
    expect(c).toMatchObject({ fastMount: false, workers: 3, workersSet: true, maxPartiesPerTrack: 50_000 });
    expect(parseConfig({ FENNEC_KEY_PUBLISH_LEAD_SECONDS: "5" }).keyPublishLeadSeconds).toBe(5);
    expect(c.clientThrottleWindowSeconds).toBe(60);
    expect(parseConfig({ FENNEC_CLIENT_THROTTLE_WINDOW_SECONDS: "5" }).clientThrottleWindowSeconds).toBe(5);
  });

  it("normalises the public URL and names, and decodes the key-encryption key", () => {
    const c = parseConfig({
      PORT: "8080",
      FENNEC_PUBLIC_URL: "https://id.example.com/",
      FENNEC_KEY_ENCRYPTION_KEY: "ab".repeat(32),
      FENNEC_BOOTSTRAP_CLIENT_ID: "CI-Robot",
      FENNEC_BOOTSTRAP_CLIENT_SECRET: "s".repeat(32),
    });
    expect(c.publicUrl).toBe("https://id.example.com");
    expect(c.keyEncryptionKey?.length).toBe(32);
    expect(c.bootstrapClient).toEqual({ id: "ci-robot", secret: "s".repeat(32) });
  });

  it.each([
    [{ PORT: "http" }, /^PORT /],
    [{ PORT: "70000" }, /^PORT /],
    [{ DATABASE_URL: "mysql://localhost/x" }, /^DATABASE_URL must be a postgres/],
    [{ FENNEC_PUBLIC_URL: "id.example.com" }, /^FENNEC_PUBLIC_URL /],
    [{ FENNEC_PUBLIC_URL: "https://id.example.com/?a=1" }, /^FENNEC_PUBLIC_URL must not contain/],
    [{ FENNEC_KEY_ENCRYPTION_KEY: "short" }, /^FENNEC_KEY_ENCRYPTION_KEY must be 32 bytes/],
    [{ FENNEC_ADMIN_EMAIL: "not-an-email", FENNEC_ADMIN_PASSWORD: "x".repeat(12) }, /^FENNEC_ADMIN_EMAIL /],
    [{ FENNEC_ADMIN_EMAIL: "a@b.c", FENNEC_ADMIN_PASSWORD: "short" }, /^FENNEC_ADMIN_PASSWORD must be at least 12/],
    [{ FENNEC_ADMIN_EMAIL: "a@b.c" }, /must be set together/],
    [{ FENNEC_BOOTSTRAP_CLIENT_ID: "ci" }, /must be set together/],
    [{ FENNEC_BOOTSTRAP_CLIENT_ID: "bad id!", FENNEC_BOOTSTRAP_CLIENT_SECRET: "x".repeat(20) }, /^FENNEC_BOOTSTRAP_CLIENT_ID /],
    [{ FENNEC_BOOTSTRAP_CLIENT_ID: "ci", FENNEC_BOOTSTRAP_CLIENT_SECRET: "short" }, /^FENNEC_BOOTSTRAP_CLIENT_SECRET /],
    [{ FENNEC_FAST_MOUNT: "no" }, /^FENNEC_FAST_MOUNT must be on or off/],
    [{ FENNEC_WORKERS: "0" }, /^FENNEC_WORKERS /],
    [{ FENNEC_WORKERS: "two" }, /^FENNEC_WORKERS must be a whole number/],
    [{ FENNEC_MAX_PARTIES_PER_TRACK: "-1" }, /^FENNEC_MAX_PARTIES_PER_TRACK /],
    [{ FENNEC_KEY_PUBLISH_LEAD_SECONDS: "86401" }, /^FENNEC_KEY_PUBLISH_LEAD_SECONDS /],
    [{ FENNEC_KEY_PUBLISH_LEAD_SECONDS: "1.5" }, /^FENNEC_KEY_PUBLISH_LEAD_SECONDS must be a whole number/],
  ])("refuses %o with one line naming the variable", (env, message) => {
    let error: unknown;
    try {
      parseConfig(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("never echoes the rejected value of a secret", () => {
    expect(() => parseConfig({ FENNEC_KEY_ENCRYPTION_KEY: "my-secret-value" })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("my-secret-value") }),
    );
  });
});
