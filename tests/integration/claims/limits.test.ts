import { beforeAll, describe, expect, it } from "vitest";
import { api, expectProblem, master, tokenEndpoint, uniqueName } from "../../support/fennec";
import { postToken } from "../../support/token";

// Claim transforms cannot build an oversized token: a list that would is refused when saved (422 with
// the transform named), and one that passes a limit only for some requests is stopped cleanly then.

let token: string;
const tenant = uniqueName("claim-limits");
const base = `/${tenant}/master`;
const grants = [{ resource: "orders-api", scopes: ["read", "write"] }];

beforeAll(async () => {
  token = await master();
  expect((await api("/tenants", { method: "POST", token, body: { name: tenant } })).status).toBe(201);
  expect((await api(`${base}/parties`, { method: "POST", token, body: { name: "orders-api", resource: { scopes: ["read", "write"] } } })).status).toBe(201);
});

describe("claim transform limits", () => {
  it("a list that would build a huge token is refused when saved, naming the transform", async () => {
    const format = "{0}".repeat(100);
    const r = await api(`${base}/parties`, {
      method: "POST",
      token,
      body: {
        name: uniqueName("bomb"),
        client: { resource_scopes: grants },
        claim_transforms: [
          { type: "constant", claims_out: ["_local:seed"], transformation: "x".repeat(300) },
          { type: "concatenate", claims_in: ["_local:seed"], claims_out: ["_local:a"], transformation: format },
          { type: "concatenate", claims_in: ["_local:a"], claims_out: ["_local:b"], transformation: format },
          { type: "concatenate", claims_in: ["_local:b"], claims_out: ["big"], transformation: format },
        ],
      },
    });
    expectProblem(r, 422);
    expect(r.body.errors).toEqual([
      expect.objectContaining({ field: "claim_transforms.1", detail: expect.stringMatching(/longer than 2048 characters/) }),
    ]);
  });

  it("a claim mapped into itself over and over is refused when saved", async () => {
    const r = await api(`${base}/parties`, {
      method: "POST",
      token,
      body: {
        name: uniqueName("doubler"),
        client: { resource_scopes: grants },
        claim_transforms: [
          { type: "constant", claims_out: ["role"], transformation: "reader" },
          ...Array.from({ length: 12 }, () => ({ type: "map", claims_in: ["role"], claims_out: ["role"] })),
        ],
      },
    });
    expectProblem(r, 422);
    expect(r.body.errors[0].field).toMatch(/^claim_transforms\.\d+$/);
    expect(r.body.errors[0].detail).toMatch(/more than 200 claims/);
  });

  it("a list that passes a limit only for one scope stops that request cleanly, and no other", async () => {
    // 30 claims of 300 characters, added only when the token's scope is exactly orders-api:read
    const claim_transforms = Array.from({ length: 30 }, (_, i) => ({
      type: "match",
      claims_in: ["scope"],
      claims_out: [`c${i}`],
      transformation: "orders-api:read",
      transformation_extension: "v".repeat(300),
    }));
    const created = await api(`${base}/parties`, { method: "POST", token, body: { name: "picky", client: { resource_scopes: grants }, claim_transforms } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const ask = (scope: string) => postToken(tokenEndpoint(tenant, "master"), { grant_type: "client_credentials", client_id: "picky", client_secret: created.body.secret, scope });
    const stopped = await ask("orders-api:read");
    expect(stopped.status).toBe(400);
    expect(stopped.body).toEqual({
      error: "unauthorized_client",
      error_description: "the client's claim transforms exceed the token limits; an administrator must change them",
    });
    expect((await ask("orders-api:write")).status).toBe(200);
    expect((await ask("orders-api:read orders-api:write")).status).toBe(200);
  });
});
