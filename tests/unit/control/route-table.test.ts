import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CONTROL_API_ROUTES } from "@/lib/control-api/routes";

// Every path of the route table has its route file and every route file is in the table: anything else
// under /api/control falls through to the catch-all's 404 problem.
const root = path.resolve(import.meta.dirname, "../../..");
const controlDir = path.join(root, "app/api/control");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return routeFiles(p);
    return e.name === "route.ts" ? [path.relative(path.join(root, "app"), dir)] : [];
  });
}

describe("Control API route table", () => {
  it("matches the route files one to one, besides the catch-all", () => {
    const fromTable = Object.keys(CONTROL_API_ROUTES).map((p) => p.slice(1).replace(/\{(\w+)\}/g, "[$1]"));
    const files = routeFiles(controlDir).filter((f) => !f.endsWith("[[...path]]") && !f.endsWith("openapi.json"));
    expect(files.sort()).toEqual(fromTable.sort());
  });
});
