import { describe, expect, it } from "vitest";
import { HttpProblem } from "@/lib/control-api/problem";
import { readJson } from "@/lib/control-api/read-body";
import { ifMatchVersion } from "@/lib/control-api/respond";
import { binaryKind, classifyKeyFile } from "@/lib/certificates/key-file";

const req = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://x/api", { method: "POST", body, headers, ...(body ? { duplex: "half" } : {}) } as RequestInit);

async function status(p: Promise<unknown>) {
  try {
    await p;
    return 0;
  } catch (e) {
    return e instanceof HttpProblem ? e.init.status : -1;
  }
}

describe("readJson", () => {
  it("parses JSON and refuses other media types, bad JSON and oversized bodies", async () => {
    expect(await readJson(req('{"a":1}', { "content-type": "application/json; charset=utf-8" }))).toEqual({ a: 1 });
    expect(await status(readJson(req("a=1", { "content-type": "application/x-www-form-urlencoded" })))).toBe(415);
    expect(await status(readJson(req("{", { "content-type": "application/json" })))).toBe(400);
    expect(await status(readJson(req("x".repeat(2000), { "content-type": "application/json" }), { max: 1000 }))).toBe(413);
  });

  it("counts the bytes actually sent, not the Content-Length claimed", async () => {
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode("x".repeat(200)));
        c.close();
      },
    });
    expect(await status(readJson(req(stream, { "content-type": "application/json" }), { max: 1000 }))).toBe(413);
  });

  it("an optional body may be empty", async () => {
    expect(await readJson(req(null), { optional: true })).toEqual({});
    expect(await status(readJson(req("x"), { optional: true }))).toBe(415);
  });
});

describe("If-Match and key files", () => {
  it("reads the version from If-Match", () => {
    const r = (v?: string) => new Request("http://x", { headers: v ? { "if-match": v } : {} });
    expect(ifMatchVersion(r('"3"'))).toBe(3);
    expect(ifMatchVersion(r('W/"4"'))).toBe(4);
    expect(ifMatchVersion(r("*"))).toBeUndefined();
    expect(ifMatchVersion(r())).toBeUndefined();
    expect(() => ifMatchVersion(r('"abc"'))).toThrow(HttpProblem);
  });

  it("tells a pfx from a DER certificate by its first ASN.1 element", () => {
    expect(binaryKind(Buffer.from([0x30, 0x82, 0x01, 0x00, 0x02, 0x01, 0x03]))).toBe("pfx");
    expect(binaryKind(Buffer.from([0x30, 0x82, 0x01, 0x00, 0x30, 0x82]))).toBe("der");
    expect(classifyKeyFile(Buffer.from("-----BEGIN CERTIFICATE-----\n"), "a.bin").kind).toBe("pem");
    expect(classifyKeyFile(Buffer.from('{"kty":"RSA"}'), "k.json").kind).toBe("jwk");
    expect(classifyKeyFile(Buffer.from([0x30, 0x03, 0x30]), "c.p12").kind).toBe("pfx");
  });
});
