import { describe, expect, it } from "vitest";
import { auditQuerySchema, listQuerySchema, revokedTokensQuerySchema } from "@/lib/validation";
import { accepted, chars, refusals } from "./refusals";

const notWhole = "page_size must be a whole number from 1 to 500.";
const outOfRange = "page_size must be 1-500.";

describe("list query strings", () => {
  it("an empty or null value is absent", () => {
    for (const v of ["", null, undefined]) {
      const q = accepted(listQuerySchema, { filter: v, cursor: v, page_size: v });
      expect(q.filter, String(v)).toBeUndefined();
      expect(q.cursor, String(v)).toBeUndefined();
      expect(q.page_size, String(v)).toBe(100);
    }
    expect(accepted(listQuerySchema, {})).toStrictEqual({ page_size: 100 });
  });

  it("text is trimmed: a filter up to 100 characters, a cursor up to 500", () => {
    expect(accepted(listQuerySchema, { filter: "  acme ", cursor: ` ${chars(500)} ` })).toMatchObject({ filter: "acme", cursor: chars(500) });
    expect(accepted(listQuerySchema, { filter: chars(100) }).filter).toBe(chars(100));
    expect(Object.keys(refusals(listQuerySchema, { filter: chars(101), cursor: chars(501) }))).toEqual(["filter", "cursor"]);
    expect(accepted(listQuerySchema, { filter: "   " }).filter).toBe("");
  });

  it("page_size is a whole number from 1 to 500", () => {
    expect(accepted(listQuerySchema, { page_size: "1" }).page_size).toBe(1);
    expect(accepted(listQuerySchema, { page_size: "500" }).page_size).toBe(500);
    expect(accepted(listQuerySchema, { page_size: 20 }).page_size).toBe(20);
    expect(refusals(listQuerySchema, { page_size: "0" })).toEqual({ page_size: [outOfRange] });
    expect(refusals(listQuerySchema, { page_size: "501" })).toEqual({ page_size: [outOfRange] });
    expect(refusals(listQuerySchema, { page_size: "2.5" })).toEqual({ page_size: [notWhole] });
    expect(refusals(listQuerySchema, { page_size: "ten" })).toEqual({ page_size: [notWhole] });
  });

  it("the audit log filters by track, action, target and actor within their lengths", () => {
    const limits = { track: 50, action: 100, target_type: 50, target_name: 200, actor: 320 };
    const full = Object.fromEntries(Object.entries(limits).map(([k, n]) => [k, ` ${chars(n)} `]));
    expect(accepted(auditQuerySchema, full)).toStrictEqual({
      ...Object.fromEntries(Object.entries(limits).map(([k, n]) => [k, chars(n)])),
      page_size: 100,
    });
    const over = Object.fromEntries(Object.entries(limits).map(([k, n]) => [k, chars(n + 1)]));
    expect(Object.keys(refusals(auditQuerySchema, over))).toEqual(Object.keys(limits));
    expect(accepted(auditQuerySchema, { track: "", actor: null, page_size: "7" })).toEqual({ page_size: 7 });
  });

  it("revoked tokens page with page_size and cursor only", () => {
    expect(accepted(revokedTokensQuerySchema, { page_size: "3", cursor: "c", filter: "ignored" })).toStrictEqual({ page_size: 3, cursor: "c" });
    expect(refusals(revokedTokensQuerySchema, { page_size: "0" })).toEqual({ page_size: [outOfRange] });
  });
});
