import { describe, expect, it } from "vitest";
import { OAuthError } from "@/lib/oauth/errors";
import { MAX_BODY_BYTES, readForm, rejectQueryParameters } from "@/lib/oauth/read-form";
import { webProtocolRequest } from "@/lib/oauth/web-adapter";

const post = (body: BodyInit, type = "application/x-www-form-urlencoded", headers: Record<string, string> = {}) =>
  webProtocolRequest(
    new Request("http://x/t/t/oauth/token", { method: "POST", body, headers: { "content-type": type, ...headers }, duplex: "half" } as RequestInit),
  );

async function error(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e as OAuthError;
  }
  throw new Error("expected a rejection");
}

describe("readForm", () => {
  it("parses a form with a charset parameter", async () => {
    const f = await readForm(post("grant_type=client_credentials&scope=a%3Ab+c", "application/x-www-form-urlencoded; charset=UTF-8"));
    expect(f.get("grant_type")).toBe("client_credentials");
    expect(f.get("scope")).toBe("a:b c");
  });

  it("treats empty parameters as absent and allows repeated resource", async () => {
    const f = await readForm(post("scope=&resource=a&resource=b"));
    expect(f.get("scope")).toBeUndefined();
    expect(f.all("resource")).toEqual(["a", "b"]);
  });

  it("rejects other content types", async () => {
    expect((await error(readForm(post("{}", "application/json")))).error).toBe("invalid_request");
  });

  it("rejects repeated parameters", async () => {
    const e = await error(readForm(post("client_id=a&client_id=b")));
    expect(e.error).toBe("invalid_request");
    expect(e.description).toMatch(/client_id/);
  });

  it("rejects a body over 64 KiB even when Content-Length lies", async () => {
    const big = "scope=" + "a".repeat(MAX_BODY_BYTES);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const e = await error(readForm(post(stream, undefined, { "content-length": "10" })));
    expect(e.description).toMatch(/too large/);
  });

  it("accepts a body of exactly 64 KiB", async () => {
    const f = await readForm(post("scope=" + "a".repeat(MAX_BODY_BYTES - 6)));
    expect(f.get("scope")).toHaveLength(MAX_BODY_BYTES - 6);
  });

  it("rejects invalid UTF-8", async () => {
    const e = await error(readForm(post(new Uint8Array([0x61, 0x3d, 0xff, 0xfe]))));
    expect(e.description).toMatch(/UTF-8/);
  });

  it("refuses credentials in the query string", () => {
    expect(() => rejectQueryParameters("client_secret=s")).toThrow(OAuthError);
    expect(() => rejectQueryParameters("unrelated=1")).not.toThrow();
  });
});
