import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// A file the README names (a test to read, a module to open) exists: renamed files do not leave it behind.
const root = path.resolve(import.meta.dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const named = [...new Set([...readme.matchAll(/`((?:tests|e2e|lib|scripts|app|components|prisma)\/[^`\s]+)`/g)].map((m) => m[1]))];

describe("README", () => {
  it("names only files and folders that exist", () => {
    // placeholders (<area>) and what a run creates (the Python venv) are not files of the checkout
    const files = named.filter((p) => !p.includes("<") && !p.endsWith("/.venv"));
    expect(files.length).toBeGreaterThan(30);
    expect(files.filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
  });
});
