import { createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signJws } from "@/lib/oauth/sign-jws";

// The token route signs with node:crypto instead of jose's SignJWT: the tokens must stay the same
// format, byte for byte where the algorithm is deterministic, and verify with jose where it is not.

const keys: Record<string, KeyObject> = {
  RS256: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey,
  PS256: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey,
  ES256: generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey,
  EdDSA: generateKeyPairSync("ed25519").privateKey,
};
keys.Ed25519 = keys.EdDSA;
const payload = { iss: "https://id.example/t/k/", sub: "svc", client_id: "svc", aud: ["a", "b"], scope: "a:read", iat: 1, nbf: 1, exp: 4102444800, jti: "j-1" };

describe("signJws", () => {
  it.each(["RS256", "EdDSA", "Ed25519"])("%s: the same bytes as jose's SignJWT (a deterministic algorithm)", async (alg) => {
    const signer = { kid: "k1", alg, key: keys[alg] };
    const ours = await signJws(signer, "at+jwt", payload);
    const theirs = await new SignJWT(payload).setProtectedHeader({ alg, kid: "k1", typ: "at+jwt" }).sign(keys[alg]);
    expect(ours).toBe(theirs);
  });

  it.each(["RS256", "PS256", "ES256", "EdDSA", "Ed25519"])("%s: verifies with jose, with the header {alg, kid, typ}", async (alg) => {
    const signer = { kid: `kid-${alg}`, alg, key: keys[alg] };
    const token = await signJws(signer, "at+jwt", payload);
    const [h] = token.split(".");
    expect(Buffer.from(h, "base64url").toString()).toBe(JSON.stringify({ alg, kid: `kid-${alg}`, typ: "at+jwt" }));
    const { payload: verified, protectedHeader } = await jwtVerify(token, createPublicKey(keys[alg]), { typ: "at+jwt", algorithms: [alg] });
    expect(protectedHeader.alg).toBe(alg);
    expect(verified).toEqual(payload);
  });

  it("refuses an algorithm it does not know", async () => {
    await expect(async () => signJws({ kid: "k", alg: "HS256", key: keys.RS256 }, "at+jwt", payload)).rejects.toThrow(/unsupported/);
  });
});
