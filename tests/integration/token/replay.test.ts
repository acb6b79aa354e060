import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertion, JWT_BEARER, postToken, type TokenResponse } from "../../support/token";
import { startTokenSuite, type Suite } from "../../support/token-suite";

// A private_key_jwt assertion's jti is single use (RFC 7523 §3 item 7) for as long as the replay store
// keeps it: the assertion's exp plus the 30 s clock-skew allowance (lib/oauth/replay-store.ts). Once that
// has passed, the same jti in a new assertion is accepted again, and the stored row is reused (an insert
// that meets the expired row must not end in a 500). The first assertion's exp is set 27 s in the past,
// which the skew allowance still accepts, so its row expires 3 s later instead of after a minute.

let s: Suite;
let tokenUrl: string;
const SKEW_S = 30;

beforeAll(async () => {
  s = await startTokenSuite();
  tokenUrl = `${s.issuer}oauth/token`;
});
afterAll(async () => s?.stop());

const signed = (jti: string, exp: number) => assertion("jwt-client", s.issuer, { key: s.rsa.privateKey, kid: s.rsa.kid, jti, exp, iat: exp - 60 });
const send = (a: string) =>
  postToken(tokenUrl, { grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: a, scope: "api1:read" });

function expectReplayRefused(r: TokenResponse) {
  expect(r.status, r.text).toBe(401);
  expect(r.body.error).toBe("invalid_client");
  expect(r.body.error_description).toBe("client assertion was already used");
}

describe("the replay store", () => {
  it("refuses a jti while it is stored, and accepts it again in a new assertion once the stored one has expired", async () => {
    const jti = randomUUID();
    const nowS = Math.floor(Date.now() / 1000);
    const first = await signed(jti, nowS - 27);
    const storedUntilMs = (nowS - 27 + SKEW_S) * 1000;

    const accepted = await send(first);
    expect(accepted.status, accepted.text).toBe(200);
    expectReplayRefused(await send(first));
    // a new assertion (new exp, new signature) with the same jti is a replay too while the row holds
    const early = await send(await signed(jti, Math.floor(Date.now() / 1000) + 60));
    expect(Date.now(), "the row must still hold when the early reuse is sent").toBeLessThan(storedUntilMs);
    expectReplayRefused(early);

    await new Promise((r) => setTimeout(r, Math.max(0, storedUntilMs - Date.now()) + 100));

    // two new assertions with that jti at once: the expired row is reused by exactly one of them
    const exp = Math.floor(Date.now() / 1000) + 60;
    const both = await Promise.all([send(await signed(jti, exp)), send(await signed(jti, exp - 1))]);
    expect(both.map((r) => r.status).sort(), both.map((r) => r.text).join("\n")).toEqual([200, 401]);
    expectReplayRefused(both.find((r) => r.status === 401)!);
    // and the reused row holds for the new assertion's lifetime
    expectReplayRefused(await send(await signed(jti, exp)));
  });

  it("a jti is the client's own: another client's stored jti does not block it", async () => {
    const jti = randomUUID();
    const exp = Math.floor(Date.now() / 1000) + 60;
    expect((await send(await signed(jti, exp))).status).toBe(200);
    const legacy = await assertion("legacy-client", s.issuer, { key: s.rsa.privateKey, kid: s.rsa.kid, jti, exp });
    const r = await postToken(tokenUrl, { grant_type: "client_credentials", client_assertion_type: JWT_BEARER, client_assertion: legacy, scope: "api1:read" });
    expect(r.status, r.text).toBe(200);
  });
});
