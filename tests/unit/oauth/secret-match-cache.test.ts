import { describe, expect, it } from "vitest";
import { isThrottled, recordFailure } from "@/lib/oauth/failure-throttle";
import {
  forgetPartySecrets,
  lookupSecretMatch,
  rememberSecretMatch,
  rememberSecretMismatch,
  secretGeneration,
} from "@/lib/oauth/secret-match-cache";

describe("secret match cache", () => {
  it("remembers a match only for the exact party and secret", () => {
    rememberSecretMatch("p1", "right", "s1", null, secretGeneration("p1"));
    expect(lookupSecretMatch("p1", "right")).toEqual({ kind: "match", secretId: "s1" });
    expect(lookupSecretMatch("p1", "wrong")).toBeNull();
    expect(lookupSecretMatch("p2", "right")).toBeNull();
  });

  it("never turns a mismatch into a match", () => {
    rememberSecretMismatch("p3", "guess", secretGeneration("p3"));
    expect(lookupSecretMatch("p3", "guess")).toEqual({ kind: "mismatch" });
  });

  it("does not outlive the secret's expiry", () => {
    rememberSecretMatch("p4", "x", "s4", Date.now() - 1, secretGeneration("p4"));
    expect(lookupSecretMatch("p4", "x")).toBeNull();
  });

  it("forgets a party's matches when its secrets change, including checks in flight", () => {
    const gen = secretGeneration("p5");
    rememberSecretMatch("p5", "a", "s5", null, gen);
    forgetPartySecrets("p5");
    expect(lookupSecretMatch("p5", "a")).toBeNull();
    rememberSecretMatch("p5", "b", "s5", null, gen);
    expect(lookupSecretMatch("p5", "b")).toBeNull();
  });
});

describe("failure throttle", () => {
  it("throttles a client after 20 failures in a minute", async () => {
    for (let i = 0; i < 19; i++) await recordFailure("t:c");
    expect(await isThrottled("t:c")).toBe(false);
    await recordFailure("t:c");
    expect(await isThrottled("t:c")).toBe(true);
    expect(await isThrottled("t:other")).toBe(false);
  });
});
