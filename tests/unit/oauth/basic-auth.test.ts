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
