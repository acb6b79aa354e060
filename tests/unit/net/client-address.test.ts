import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig, parseTrustedProxies } from "@/lib/config";
import { clientAddress, normaliseAddress } from "@/lib/net/client-address";

const none = parseTrustedProxies("");
const one = parseTrustedProxies("1");
const two = parseTrustedProxies("2");
const list = parseTrustedProxies("10.0.0.0/8, 192.0.2.7, fd00::/8");

describe("clientAddress", () => {
  it("without trusted proxies is the TCP peer, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ peer: "198.51.100.4", forwardedFor: "203.0.113.9" }, none)).toBe("198.51.100.4");
    expect(clientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: "1.2.3.4, 5.6.7.8" }, none)).toBe("127.0.0.1");
    expect(clientAddress({ peer: null, forwardedFor: "1.2.3.4" }, none)).toBeNull();
  });

  it("with a count takes that many hops back from the peer, so a prefix the client wrote does not count", () => {
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.9" }, one)).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9" }, one)).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9, 10.0.0.1" }, two)).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: null }, one)).toBe("10.0.0.2");
  });

  it("with a list walks back over listed proxies only", () => {
    expect(clientAddress({ peer: "10.1.2.3", forwardedFor: "6.6.6.6, 203.0.113.9, 192.0.2.7" }, list)).toBe("203.0.113.9");
    expect(clientAddress({ peer: "198.51.100.4", forwardedFor: "203.0.113.9" }, list)).toBe("198.51.100.4");
    expect(clientAddress({ peer: "fd12::1", forwardedFor: "2001:db8::5" }, list)).toBe("2001:db8::5");
  });

  it("never takes an entry that is not an IP address: the hop that wrote it is the answer", () => {
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "<script>" }, one)).toBe("10.0.0.2");
    expect(clientAddress({ peer: "10.1.1.1", forwardedFor: "x".repeat(5000) }, list)).toBe("10.1.1.1");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "203.0.113.9:4711" }, one)).toBe("203.0.113.9");
    expect(clientAddress({ peer: "10.0.0.2", forwardedFor: "[2001:db8::1]:443" }, one)).toBe("2001:db8::1");
  });

  it("normalises addresses", () => {
    expect(normaliseAddress("::FFFF:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normaliseAddress("unknown")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
  });
});

describe("FENNEC_TRUSTED_PROXIES", () => {
  it("defaults to none; 0 is none; a count up to 10; a list of addresses and CIDRs", () => {
    expect(parseConfig({}).trustedProxies).toEqual({ kind: "none" });
    expect(parseConfig({ FENNEC_TRUSTED_PROXIES: "0" }).trustedProxies).toEqual({ kind: "none" });
    expect(parseConfig({ FENNEC_TRUSTED_PROXIES: "3" }).trustedProxies).toEqual({ kind: "count", hops: 3 });
    expect(parseConfig({ FENNEC_TRUSTED_PROXIES: "10.0.0.0/8,::1" }).trustedProxies).toMatchObject({ kind: "list", entries: ["10.0.0.0/8", "::1"] });
  });

  it.each(["11", "10.0.0.0/33", "10.0.0.1/8/1", "proxy.example.com", "10.0.0.0/x", "::1/129", "1.2.3"])("refuses %j with one line naming the variable", (v) => {
    expect(() => parseConfig({ FENNEC_TRUSTED_PROXIES: v })).toThrow(ConfigError);
    expect(() => parseConfig({ FENNEC_TRUSTED_PROXIES: v })).toThrow(/^FENNEC_TRUSTED_PROXIES /);
  });
});
