import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema } from "@/lib/config/env";

// The README's Configuration table is the contract operators read: every variable Fennec reads is in it.
const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Configuration"), readme.indexOf("### First start"));
const documented = new Set([...section.matchAll(/^\| (.+?) \|/gm)].flatMap((m) => [...m[1].matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((v) => v[1])));

describe("README Configuration", () => {
  it("lists every variable the configuration schema reads", () => {
    const read = Object.keys(envSchema.shape);
    expect(read.length).toBeGreaterThan(10);
    expect(read.filter((name) => !documented.has(name))).toEqual([]);
  });

  it("lists no variable the schema does not read", () => {
    // FENNEC_DIST_DIR is read before the server exists: by scripts/start.mjs and next.config.js
    const read = new Set([...Object.keys(envSchema.shape), "FENNEC_DIST_DIR"]);
    expect([...documented].filter((name) => !read.has(name))).toEqual([]);
  });
});
