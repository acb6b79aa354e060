import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_KEY_FILE_BYTES } from "@/lib/certificates/key-file";
import { clientKeyJsonSchema, secretCreateSchema } from "@/lib/validation";
import { accepted, chars, refusals } from "./refusals";

const exactlyOne = { certificate: ["Send exactly one of 'certificate' (PEM), 'jwk' or 'pfx' (base64)."] };

describe("client key upload (JSON)", () => {
  it("holds exactly one of a certificate, a JWK or a pfx", () => {
    expect(accepted(clientKeyJsonSchema, { certificate: "PEM" })).toEqual({ certificate: "PEM" });
    expect(accepted(clientKeyJsonSchema, { jwk: {} })).toEqual({ jwk: {} });
    expect(accepted(clientKeyJsonSchema, { pfx: "MII", password: "pw" })).toEqual({ pfx: "MII", password: "pw" });
    expect(refusals(clientKeyJsonSchema, {})).toEqual(exactlyOne);
    expect(refusals(clientKeyJsonSchema, { password: "pw" })).toEqual(exactlyOne);
    expect(refusals(clientKeyJsonSchema, { certificate: "PEM", jwk: { kty: "RSA" } })).toEqual(exactlyOne);
    expect(refusals(clientKeyJsonSchema, { certificate: "PEM", pfx: "MII" })).toEqual(exactlyOne);
    expect(refusals(clientKeyJsonSchema, { jwk: {}, pfx: "MII" })).toEqual(exactlyOne);
  });

  it("a certificate or pfx is 1 character up to the key file limit; a pfx password at most 300 characters", () => {
    expect(accepted(clientKeyJsonSchema, { certificate: chars(MAX_KEY_FILE_BYTES) }).certificate).toHaveLength(MAX_KEY_FILE_BYTES);
    expect(accepted(clientKeyJsonSchema, { pfx: chars(MAX_KEY_FILE_BYTES), password: chars(300) }).password).toHaveLength(300);
    expect(refusals(clientKeyJsonSchema, { certificate: chars(MAX_KEY_FILE_BYTES + 1) })).toEqual({ certificate: ["Certificate is too long."] });
    expect(refusals(clientKeyJsonSchema, { pfx: chars(MAX_KEY_FILE_BYTES + 1) })).toEqual({ pfx: ["pfx is too long."] });
    expect(refusals(clientKeyJsonSchema, { pfx: "MII", password: chars(301) })).toEqual({ password: ["Password must be at most 300 characters."] });
    expect(Object.keys(refusals(clientKeyJsonSchema, { certificate: "" }))).toEqual(["certificate"]);
    expect(Object.keys(refusals(clientKeyJsonSchema, { pfx: "", jwk: {} }))).toEqual(["pfx"]);
  });
});

describe("new client secret", () => {
  afterEach(() => vi.useRealTimers());

  it("expires at an ISO 8601 date-time in the future, or never", () => {
    vi.useFakeTimers({ now: Date.parse("2026-11-29T12:00:00Z") });
    expect(accepted(secretCreateSchema, {})).toEqual({});
    expect(accepted(secretCreateSchema, { expires_at: null })).toEqual({ expires_at: null });
    expect(accepted(secretCreateSchema, { expires_at: "2026-11-29T12:00:00.001Z" })).toEqual({ expires_at: "2026-11-29T12:00:00.001Z" });
    expect(accepted(secretCreateSchema, { expires_at: "2026-11-29T13:00:01+01:00" }).expires_at).toBe("2026-11-29T13:00:01+01:00");
    const past = { expires_at: ["Expiry must be in the future."] };
    expect(refusals(secretCreateSchema, { expires_at: "2026-11-29T12:00:00Z" })).toEqual(past);
    expect(refusals(secretCreateSchema, { expires_at: "2026-11-29T12:59:59+01:00" })).toEqual(past);
    expect(refusals(secretCreateSchema, { expires_at: "2027-01-31" })).toEqual({
      expires_at: ["Expiry must be an ISO 8601 date-time, e.g. 2027-01-31T00:00:00Z."],
    });
  });
});
