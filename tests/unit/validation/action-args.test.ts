import { describe, expect, it } from "vitest";
import { idArg, nameArg, partyRefArg } from "@/lib/validation";
import { chars } from "./refusals";

// Server actions are public endpoints: a forged call with other arguments is refused before any work.
describe("server action arguments", () => {
  it("names are strings of 1-50 characters", () => {
    expect(nameArg("acme")).toBe("acme");
    expect(nameArg(chars(50))).toBe(chars(50));
    for (const bad of ["", chars(51), 1, null, undefined, { name: "acme" }]) expect(() => nameArg(bad), String(bad)).toThrow();
  });

  it("a party reference is a tenant, a track and a party name", () => {
    const ref = { tenant: "t", track: chars(50), party: "p" };
    expect(partyRefArg({ ...ref, extra: 1 })).toEqual(ref);
    for (const bad of [{ ...ref, tenant: "" }, { ...ref, track: chars(51) }, { tenant: "t", track: "t" }, "t/t/p"]) {
      expect(() => partyRefArg(bad), JSON.stringify(bad)).toThrow();
    }
  });

  it("an id is a string of 1-200 characters", () => {
    expect(idArg("c1")).toBe("c1");
    expect(idArg(chars(200))).toBe(chars(200));
    for (const bad of ["", chars(201), 7, null]) expect(() => idArg(bad), String(bad)).toThrow();
  });
});
