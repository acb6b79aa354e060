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

describe("readForm: limits and what a client is told", () => {
  const bytes = (s: string) => new TextEncoder().encode(s);

  it("accepts whitespace around the media type and any case", async () => {
    const f = await readForm(post("grant_type=client_credentials", " Application/X-WWW-Form-Urlencoded ; charset=utf-8"));
    expect(f.get("grant_type")).toBe("client_credentials");
  });

  it("refuses a body without a Content-Type, saying which type is supported", async () => {
    const request = webProtocolRequest(new Request("http://x/t/t/oauth/token", { method: "POST", body: bytes("grant_type=client_credentials") }));
    expect(request.headers.get("content-type")).toBeNull();
    const e = await error(readForm(request));
    expect(e.error).toBe("invalid_request");
    expect(e.description).toBe("only application/x-www-form-urlencoded request bodies are supported");
  });

  it("refuses a declared Content-Length over 64 KiB before reading, even when the body is small", async () => {
    const e = await error(readForm(post(bytes("scope=a"), undefined, { "content-length": String(MAX_BODY_BYTES + 1) })));
    expect(e.error).toBe("invalid_request");
    expect(e.description).toBe("request body too large");
  });

  it("accepts a declared Content-Length of exactly 64 KiB", async () => {
    const body = "scope=" + "a".repeat(MAX_BODY_BYTES - 6);
    const f = await readForm(post(bytes(body), undefined, { "content-length": String(MAX_BODY_BYTES) }));
    expect(f.get("scope")).toHaveLength(MAX_BODY_BYTES - 6);
  });

  it("names a repeated parameter, stripped to word characters and at most 40 of them", async () => {
    expect((await error(readForm(post("client_id=a&client_id=b")))).description).toBe("parameter client_id must not be repeated");
    expect((await error(readForm(post("a%3Cb%3E=1&a%3Cb%3E=2")))).description).toBe("parameter ab must not be repeated");
    const long = "p".repeat(60);
    expect((await error(readForm(post(`${long}=1&${long}=2`)))).description).toBe(`parameter ${"p".repeat(40)} must not be repeated`);
  });

  it("gives no values for a parameter that is absent", async () => {
    const f = await readForm(post("grant_type=client_credentials"));
    expect(f.get("resource")).toBeUndefined();
    expect(f.all("resource")).toEqual([]);
  });

  it("tells a client that put parameters in the URI to send them in the body", () => {
    for (const name of ["client_id", "client_secret", "grant_type", "scope", "resource"]) {
      let e: unknown;
      try {
        rejectQueryParameters(`${name}=x`);
      } catch (caught) {
        e = caught;
      }
      expect((e as OAuthError).error).toBe("invalid_request");
      expect((e as OAuthError).description).toBe("request parameters must be sent in the request body, not the URI");
    }
    expect(() => rejectQueryParameters("audience=x", ["audience"])).toThrow(OAuthError);
  });
});
