import { describe, expect, it } from "vitest";
import { parseBasicAuthorization } from "@/lib/oauth/basic-auth";
import { OAuthError } from "@/lib/oauth/errors";

const b64 = (s: string) => Buffer.from(s).toString("base64");

describe("parseBasicAuthorization", () => {
  it("returns null without a header", () => {
    expect(parseBasicAuthorization(null)).toBeNull();
  });

  it("form-url-decodes id and secret (RFC 6749 Appendix B)", () => {
    const id = encodeURIComponent("my client").replace(/%20/g, "+");
    const secret = encodeURIComponent("a:b+c%/é");
    expect(parseBasicAuthorization(`Basic ${b64(`${id}:${secret}`)}`)).toEqual({ clientId: "my client", secret: "a:b+c%/é" });
  });

  it("accepts the scheme in any case", () => {
    expect(parseBasicAuthorization(`bAsIc ${b64("a:b")}`)).toEqual({ clientId: "a", secret: "b" });
  });

  it.each([
    ["Bearer abc", "other scheme"],
    ["Basic", "no credentials"],
    ["Basic !!!!", "non-base64"],
    [`Basic ${b64("nocolon")}`, "no colon"],
    [`Basic ${b64(":secret")}`, "empty id"],
    [`Basic ${b64("id:")}`, "empty secret"],
    [`Basic ${b64("id:%zz")}`, "bad percent-encoding"],
    [`Basic ${b64("a:b")} extra`, "extra token"],
    [`Basic ${b64("ab:c").replace(/=+$/, "")}x`, "bad padding"],
  ])("rejects %s (%s) as invalid_request", (header) => {
    let err: unknown;
    try {
      parseBasicAuthorization(header);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(OAuthError);
    expect((err as OAuthError).error).toBe("invalid_request");
  });
});

function refusal(header: string) {
  try {
    parseBasicAuthorization(header);
  } catch (e) {
    expect(e).toBeInstanceOf(OAuthError);
    return e as OAuthError;
  }
  throw new Error(`expected ${header} to be refused`);
}

describe("parseBasicAuthorization: what a client is told", () => {
  it("accepts one or more spaces after the scheme and whitespace around the value (RFC 7235 §2.1)", () => {
    expect(parseBasicAuthorization(`Basic   ${b64("a:b")}`)).toEqual({ clientId: "a", secret: "b" });
    expect(parseBasicAuthorization(` \tBasic ${b64("a:b")} `)).toEqual({ clientId: "a", secret: "b" });
  });

  it("refuses another scheme, or a longer scheme name ending in Basic, with a message naming the Basic scheme", () => {
    for (const header of [`Bearer ${b64("a:b")}`, `XBasic ${b64("a:b")}`, `1Basic ${b64("a:b")}`]) {
      const e = refusal(header);
      expect(e.error).toBe("invalid_request");
      expect(e.description).toBe("the Authorization header must use the Basic scheme");
    }
  });

  it("takes credentials up to 4096 base64 characters and refuses longer ones", () => {
    // 3072 bytes are exactly 4096 base64 characters; 3075 bytes are 4100
    const atLimit = b64("a:" + "s".repeat(3070));
    expect(atLimit).toHaveLength(4096);
    expect(parseBasicAuthorization(`Basic ${atLimit}`)).toEqual({ clientId: "a", secret: "s".repeat(3070) });
    const over = b64("a:" + "s".repeat(3073));
    expect(over).toHaveLength(4100);
    expect(refusal(`Basic ${over}`).description).toBe("malformed Basic credentials");
  });

  it.each([
    ["Basic !!!!", "non-base64"],
    [`Basic ${b64("ab:c").replace(/=+$/, "")}x`, "bad padding"],
    [`Basic ${b64("nocolon")}`, "no colon"],
    [`Basic ${b64(":secret")}`, "empty id"],
    [`Basic ${b64("id:")}`, "empty secret"],
    [`Basic ${b64("%zz:secret")}`, "bad percent-encoding in the id"],
    [`Basic ${b64("id:%zz")}`, "bad percent-encoding in the secret"],
  ])("says %s (%s) is malformed Basic credentials", (header) => {
    const e = refusal(header);
    expect(e.error).toBe("invalid_request");
    expect(e.description).toBe("malformed Basic credentials");
  });
});
