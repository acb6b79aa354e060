import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README's "Client libraries" recipes are the files the integration tests run, shown verbatim.

const root = path.resolve(import.meta.dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Client libraries"), readme.indexOf("\n## ", readme.indexOf("## Client libraries") + 3));
const recipes = [
  ...fs.readdirSync(path.join(root, "tests/interop/python")).filter((f) => f.endsWith(".py")).map((f) => ["python", `tests/interop/python/${f}`]),
  ...fs.readdirSync(path.join(root, "tests/interop/node")).filter((f) => f.endsWith(".ts")).map((f) => ["ts", `tests/interop/node/${f}`]),
];

describe("README \"Client libraries\"", () => {
  it("has recipes to check", () => {
    expect(recipes.length).toBeGreaterThanOrEqual(5);
  });

  it.each(recipes)("shows %s file %s exactly as tested", (lang, file) => {
    const text = fs.readFileSync(path.join(root, file), "utf8");
    expect(section).toContain("```" + lang + "\n" + text + "```\n");
    expect(section).toContain(`(${file})`);
  });

  it("shows no other code block than those files", () => {
    const blocks = section.match(/```\w*\n[\s\S]*?```\n/g) ?? [];
    expect(blocks).toHaveLength(recipes.length);
  });
});
