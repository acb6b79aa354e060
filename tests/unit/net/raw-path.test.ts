import { describe, expect, it } from "vitest";
import { rawPathAnswer, rawPathProblem } from "@/lib/net/raw-path";

describe("rawPathProblem", () => {
  it.each(["/a/../b", "/a/./b", "/a/%2e%2e", "/a/%2E%2e/b", "/a/.%2e", "/a/%2e./b", "/a/%2e", "/a\\..\\b", "/..", "/a/..?x=1"])(
    "%s has a dot segment",
    (p) => expect(rawPathProblem(p)).toBe("dot-segment"),
  );
  it.each(["/a/%E0%A4%A", "/a/%ZZ", "/a/%"])("%s has a malformed encoding", (p) => expect(rawPathProblem(p)).toBe("malformed-encoding"));
  it.each(["/", "/a/b", "/a/...", "/a/.b", "/a/b.", "/a/%252e%252e", "/a/caf%C3%A9", "/a?x=..", "/.well-known/openid-configuration"])(
    "%s is fine",
    (p) => expect(rawPathProblem(p)).toBeNull(),
  );
});

describe("rawPathAnswer", () => {
  it("answers in the format of the addressed part", () => {
    const api = rawPathAnswer("/api/control/t/k/parties/x/keys/%2e%2e", "dot-segment");
    expect(api.status).toBe(400);
    expect(api.headers["content-type"]).toBe("application/problem+json");
    expect(JSON.parse(api.body)).toMatchObject({ status: 400, instance: "/api/control/t/k/parties/x/keys/%2e%2e" });
    expect(rawPathAnswer("/control/a/%2e%2e", "dot-segment").headers["content-type"]).toMatch(/^text\/plain/);
    expect(JSON.parse(rawPathAnswer("/t/k/%2e%2e/oauth/token", "dot-segment").body)).toEqual({
      error: "invalid_request",
      error_description: "the request path contains a . or .. segment",
    });
  });
});
